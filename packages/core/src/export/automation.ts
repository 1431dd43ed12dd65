// export_for_automation (TOOLS.md tool 15): the violations as tags to set per resource, shaped for
// Ansible (amazon.aws modules), Terraform variables or a generic document, as JSON, YAML or CSV.
import type { Violation } from "../model";
import { ANSIBLE_USAGE, ansibleVars } from "./ansible-vars";
import { automationCsv } from "./automation-csv";
import { genericExport } from "./generic-export";
import { planRemediation } from "./remediation-plan";
import type { SeverityFilter } from "./severity";
import { filterBySeverity } from "./severity";
import { terraformVars } from "./terraform-vars";
import { toYaml } from "./yaml";

export type AutomationFormat = "json" | "yaml" | "csv";
export type AutomationPlatform = "ansible" | "terraform_vars" | "generic";

export interface AutomationExport {
  format: AutomationFormat;
  target_platform: AutomationPlatform;
  content: string;
  resources: number;
  tags_to_set: number;
  /** Values left as PLACEHOLDER_VALUE: the caller should say they need a human before running. */
  placeholders: number;
}

export function exportForAutomation({
  violations,
  format,
  targetPlatform,
  severity = "all",
  resourceTypes,
  includeRemediationHints = true,
}: {
  violations: readonly Violation[];
  format: AutomationFormat;
  targetPlatform: AutomationPlatform;
  severity?: SeverityFilter;
  /** Only these types; omitted or empty means every type in the violations. */
  resourceTypes?: readonly string[];
  includeRemediationHints?: boolean;
}): AutomationExport {
  const types = resourceTypes && resourceTypes.length > 0 ? new Set(resourceTypes) : null;
  const selected = filterBySeverity(violations, severity).filter((v) => !types || types.has(v.resource_type));
  const plan = planRemediation(selected);
  const hints = includeRemediationHints;

  let content: string;
  if (format === "csv") {
    content = automationCsv(plan, targetPlatform === "ansible", hints);
  } else {
    const document =
      targetPlatform === "ansible"
        ? ansibleVars(plan, hints)
        : targetPlatform === "terraform_vars"
          ? terraformVars(plan, hints)
          : genericExport(plan, hints);
    content =
      format === "json"
        ? `${JSON.stringify(document, null, 2)}\n`
        : toYaml(document, targetPlatform === "ansible" ? ANSIBLE_USAGE : undefined);
  }

  const changes = plan.flatMap((entry) => entry.changes);
  return {
    format,
    target_platform: targetPlatform,
    content,
    resources: plan.length,
    tags_to_set: changes.length,
    placeholders: changes.filter((change) => change.value_source === "placeholder").length,
  };
}
