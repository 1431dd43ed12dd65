// Terraform for a service control policy that denies creating a resource without each required tag:
// one Deny statement per tag and created-resource pattern, conditioned on aws:RequestTag/<tag> being
// Null. A Null condition on several keys would only deny when all of them are missing, hence one
// statement per tag.
import { COST_GENERATING_TYPES } from "../catalog";
import { createActionsFor } from "./create-actions";
import { type HclValue, hclExpression, hclString } from "./hcl";
import type { TargetTag } from "./target-tags";
import { hclBlock, policyAttachment, type TerraformResource, targetVariable } from "./terraform-blocks";

/** AWS Organizations' limit on the size of a service control policy document. */
export const SCP_MAX_CHARACTERS = 5120;

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

/** Statement id suffix for a resource pattern: "arn:*:ec2:*:*:elastic-ip/*" -> "ElasticIp". */
const patternName = (resource: string) =>
  resource === "*" ? "Create" : pascal(resource.split(":").pop() ?? "");

function statements(tag: TargetTag, index: number, warnings: Set<string>): Record<string, HclValue>[] {
  const types = tag.applies_to ?? [...COST_GENERATING_TYPES];
  const uncovered = types.filter((type) => createActionsFor(type).length === 0);
  if (uncovered.length > 0)
    warnings.add(
      `"${tag.name}": no create action is known for ${uncovered.join(", ")}; the SCP does not cover them`,
    );
  const byResource = new Map<string, string[]>();
  for (const { action, resource } of types.flatMap(createActionsFor)) {
    const actions = byResource.get(resource) ?? [];
    if (!actions.includes(action)) byResource.set(resource, [...actions, action]);
  }
  return [...byResource].map(([resource, actions]) => ({
    Sid: `Tag${index + 1}${pascal(tag.name).slice(0, 40)}${patternName(resource)}`,
    Effect: "Deny",
    Action: actions,
    Resource: resource,
    Condition: { Null: { [`aws:RequestTag/${tag.name}`]: "true" } },
  }));
}

export function scpTerraform(tags: TargetTag[], deny: boolean, warnings: Set<string>, notes: Set<string>) {
  const content = {
    Version: "2012-10-17",
    Statement: tags.flatMap((tag, i) => statements(tag, i, warnings)),
  };
  const size = JSON.stringify(content).length;
  if (size > SCP_MAX_CHARACTERS) {
    warnings.add(
      `the SCP is ${size} characters, over AWS's ${SCP_MAX_CHARACTERS}; split required_tags across several policies`,
    );
  }
  const blocks = [
    hclBlock(
      "resource",
      ["aws_organizations_policy", "tagc_require_tags"],
      [
        { attr: "name", value: hclString("tagc-require-tags") },
        {
          attr: "description",
          value: hclString(`Deny creating resources without the tags ${tags.map((t) => t.name).join(", ")}`),
        },
        { attr: "type", value: hclString("SERVICE_CONTROL_POLICY") },
        { attr: "content", value: `jsonencode(${hclExpression(content, "  ")})` },
      ],
    ),
  ];
  const resources: TerraformResource[] = [{ type: "aws_organizations_policy", name: "tagc_require_tags" }];
  if (deny) {
    const attachment = policyAttachment("tagc_require_tags", "scp_target_id");
    blocks.push(attachment.hcl, targetVariable("scp_target_id", "service control policy"));
    resources.push(attachment.resource);
  } else {
    notes.add("an SCP cannot audit: at enforcement_level audit the policy is created but not attached");
  }
  notes.add(
    "test the SCP on a sandbox account first: it denies every listed create call made without the tags",
  );
  return { blocks, resources, rules: [] };
}
