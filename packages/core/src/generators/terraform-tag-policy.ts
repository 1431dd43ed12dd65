// Terraform for an AWS Organizations tag policy (@@assign syntax). At audit level the policy only
// reports; at deny level enforced_for makes AWS reject tagging operations that set a value outside
// the allowed list on the listed types. Tag policies never require a tag at creation (AWS: "basic
// compliance rules do not enforce ... resources that are created without tags"); that is the SCP's job.
import { COST_GENERATING_TYPES } from "../catalog";
import { awsTagPolicyTypeFor } from "../orgs/resource-types";
import { type HclValue, hclExpression, hclString } from "./hcl";
import type { TargetTag } from "./target-tags";
import { hclBlock, policyAttachment, type TerraformResource, targetVariable } from "./terraform-blocks";

export const TAG_POLICY_MAX_CHARACTERS = 10000;

function tagRule(tag: TargetTag, deny: boolean): Record<string, HclValue> {
  const rule: Record<string, HclValue> = { tag_key: { "@@assign": tag.name } };
  if (tag.allowed_values) rule.tag_value = { "@@assign": tag.allowed_values };
  if (deny && tag.required) {
    const types = tag.applies_to ?? [...COST_GENERATING_TYPES];
    rule.enforced_for = { "@@assign": [...new Set(types.map(awsTagPolicyTypeFor))] };
  }
  return rule;
}

export function tagPolicyTerraform(
  tags: TargetTag[],
  deny: boolean,
  warnings: Set<string>,
  notes: Set<string>,
) {
  const rules: Record<string, HclValue> = {};
  for (const tag of tags) {
    // Tag policy keys are case-insensitive: "Owner" and "owner" would be the same entry.
    const key = tag.name.toLowerCase();
    if (key in rules)
      warnings.add(`"${tag.name}" left out: the tag policy already has an entry for "${key}"`);
    else rules[key] = tagRule(tag, deny);
  }
  const content = { tags: rules };
  const size = JSON.stringify(content).length;
  if (size > TAG_POLICY_MAX_CHARACTERS) {
    warnings.add(
      `the tag policy is ${size} characters, over AWS's ${TAG_POLICY_MAX_CHARACTERS}; split the tags across policies`,
    );
  }
  const policyBlock = hclBlock(
    "resource",
    ["aws_organizations_policy", "tagc_tag_policy"],
    [
      { attr: "name", value: hclString("tagc-tag-policy") },
      { attr: "description", value: hclString(`Tagging policy: ${tags.map((t) => t.name).join(", ")}`) },
      { attr: "type", value: hclString("TAG_POLICY") },
      { attr: "content", value: `jsonencode(${hclExpression(content, "  ")})` },
    ],
  );
  // Even a report-only tag policy has to be attached to be evaluated.
  const attachment = policyAttachment("tagc_tag_policy", "tag_policy_target_id");
  const resources: TerraformResource[] = [
    { type: "aws_organizations_policy", name: "tagc_tag_policy" },
    attachment.resource,
  ];
  notes.add("tag policies do not require tags at creation; use policy_type scp to deny untagged creation");
  if (deny)
    notes.add(
      "enforced_for lists every type the tag applies to; AWS rejects the policy if a type does not support enforcement",
    );
  return {
    blocks: [policyBlock, attachment.hcl, targetVariable("tag_policy_target_id", "tag policy")],
    resources,
    rules: [],
  };
}
