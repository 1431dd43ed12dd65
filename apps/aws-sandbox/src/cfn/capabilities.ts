// CloudFormation's acknowledgement rule: a template with IAM resources needs CAPABILITY_IAM, and
// one that names them (RoleName, UserName...) needs CAPABILITY_NAMED_IAM, which also covers the
// former. Checked for every IAM resource, whatever its Condition, as CloudFormation does.
import { AwsError } from "../errors";
import { IAM_TYPES } from "./resources";
import type { Template } from "./types";

export function requiredCapability(
  template: Template,
): "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined {
  let needed: "CAPABILITY_IAM" | "CAPABILITY_NAMED_IAM" | undefined;
  for (const decl of Object.values(template.Resources)) {
    const nameProperty = IAM_TYPES[decl.Type];
    if (nameProperty === undefined) continue;
    if (nameProperty && decl.Properties?.[nameProperty] !== undefined) return "CAPABILITY_NAMED_IAM";
    needed = "CAPABILITY_IAM";
  }
  return needed;
}

export function checkCapabilities(template: Template, granted: string[]): void {
  const needed = requiredCapability(template);
  if (!needed || granted.includes("CAPABILITY_NAMED_IAM") || granted.includes(needed)) return;
  throw new AwsError("InsufficientCapabilitiesException", `Requires capabilities : [${needed}]`, 400);
}
