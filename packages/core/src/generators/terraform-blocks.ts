// Block-level HCL shared by the Terraform generators: blocks, the attachment of an Organizations
// policy, and the variable that names its target.
import { hclAttributes, hclString } from "./hcl";

export type BodyItem = { attr: string; value: string } | { block: string; body: BodyItem[] } | "blank";

export interface TerraformResource {
  type: string;
  name: string;
}

function bodyLines(body: BodyItem[], indent: string): string[] {
  const lines: string[] = [];
  let attrs: [string, string][] = [];
  const flush = () => {
    lines.push(...hclAttributes(attrs, indent));
    attrs = [];
  };
  for (const item of body) {
    if (item === "blank") {
      flush();
      lines.push("");
    } else if ("attr" in item) attrs.push([item.attr, item.value]);
    else {
      flush();
      lines.push(`${indent}${item.block} {`, ...bodyLines(item.body, `${indent}  `), `${indent}}`);
    }
  }
  flush();
  return lines;
}

/** A top-level block: `kind "label" "label" { ... }`. */
export const hclBlock = (kind: string, labels: string[], body: BodyItem[]): string =>
  [`${kind} ${labels.map(hclString).join(" ")} {`, ...bodyLines(body, "  "), "}"].join("\n");

/** The variable naming the root, OU or account an Organizations policy is attached to. */
export const targetVariable = (name: string, what: string): string =>
  hclBlock(
    "variable",
    [name],
    [
      {
        attr: "description",
        value: hclString(`Root, organizational unit or account id the ${what} is attached to`),
      },
      { attr: "type", value: "string" },
    ],
  );

export function policyAttachment(
  policyName: string,
  variable: string,
): { hcl: string; resource: TerraformResource } {
  const hcl = hclBlock(
    "resource",
    ["aws_organizations_policy_attachment", policyName],
    [
      { attr: "policy_id", value: `aws_organizations_policy.${policyName}.id` },
      { attr: "target_id", value: `var.${variable}` },
    ],
  );
  return { hcl, resource: { type: "aws_organizations_policy_attachment", name: policyName } };
}
