// Terraform for AWS Config REQUIRED_TAGS rules: one aws_config_config_rule per planned rule (at most
// six keys each, grouped by resource scope), with the managed rule's comma-joined values.
import { hclExpression, hclString } from "./hcl";
import { planRequiredTagsRules } from "./required-tags-rules";
import type { TargetTag } from "./target-tags";
import { type BodyItem, hclBlock, type TerraformResource } from "./terraform-blocks";

export interface RenderedTerraform {
  blocks: string[];
  resources: TerraformResource[];
  rules: { name: string; tags: string[] }[];
}

export function configRuleTerraform(
  tags: TargetTag[],
  policyVersion: string,
  warnings: Set<string>,
): RenderedTerraform {
  const plans = planRequiredTagsRules(tags, true, warnings);
  const rendered = plans.map((plan, index) => {
    const name = `tagc-required-tags-${index + 1}`;
    const label = `tagc_required_tags_${index + 1}`;
    const scope: BodyItem[] = plan.scope
      ? [
          "blank",
          {
            block: "scope",
            body: [{ attr: "compliance_resource_types", value: hclExpression(plan.scope, "    ") }],
          },
        ]
      : [];
    const hcl = hclBlock(
      "resource",
      ["aws_config_config_rule", label],
      [
        { attr: "name", value: hclString(name) },
        {
          attr: "description",
          value: hclString(`Required tags ${plan.tags.join(", ")} (tagging policy ${policyVersion})`),
        },
        "blank",
        {
          block: "source",
          body: [
            { attr: "owner", value: hclString("AWS") },
            { attr: "source_identifier", value: hclString("REQUIRED_TAGS") },
          ],
        },
        ...scope,
        "blank",
        { attr: "input_parameters", value: `jsonencode(${hclExpression(plan.input_parameters, "  ")})` },
      ],
    );
    return {
      hcl,
      resource: { type: "aws_config_config_rule", name: label },
      rule: { name, tags: plan.tags },
    };
  });
  return {
    blocks: rendered.map((r) => r.hcl),
    resources: rendered.map((r) => r.resource),
    rules: rendered.map((r) => r.rule),
  };
}
