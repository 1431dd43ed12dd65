// A terraform.tfvars.json body: a map ARN → tags, for a `variable "tag_compliance_resource_tags"`
// of type map(map(string)) feeding aws_ec2_tag resources or provider-level tagging modules.

import { resourceHints } from "./remediation-hints";
import type { ResourceRemediation } from "./remediation-plan";
import { tagsOf } from "./remediation-plan";

export interface TerraformTagVars {
  tag_compliance_resource_tags: Record<string, Record<string, string>>;
  /** Only when hints are requested; declare it as map(list(string)) or Terraform warns. */
  tag_compliance_remediation_hints?: Record<string, string[]>;
}

export function terraformVars(plan: readonly ResourceRemediation[], includeHints: boolean): TerraformTagVars {
  const vars: TerraformTagVars = {
    tag_compliance_resource_tags: Object.fromEntries(
      plan.map((entry) => [entry.resource_arn, { ...tagsOf(entry) }]),
    ),
  };
  if (includeHints) {
    vars.tag_compliance_remediation_hints = Object.fromEntries(
      plan.map((entry) => [entry.resource_arn, resourceHints(entry)]),
    );
  }
  return vars;
}
