// The steps of an OpenOps workflow after the compliance check, one set per remediation strategy.
// Step inputs reference earlier outputs with {{ ... }} templates; `for_each` + `when` run a step
// once per matching violation of the check, exposed to the step as `item`.
import { placeholderFor } from "./placeholder";
import { tagAppliesTo } from "./scope";
import { taggingCommand } from "./tagging-commands";
import type { TargetTag } from "./target-tags";

export type RemediationStrategy = "notify" | "auto_tag" | "report";
export type WorkflowStep = Record<string, unknown>;

const SUMMARY =
  "Tag compliance is {{ steps.check_compliance.output.compliance_score }} " +
  "({{ steps.check_compliance.output.compliant }} of {{ steps.check_compliance.output.total }} resources compliant).";

const notifySteps = (): WorkflowStep[] => [
  {
    id: "notify_owners",
    name: "Notify the owners of non-compliant resources",
    action: "notification.send",
    inputs: {
      channel: "email",
      to: "resource-owner",
      subject: "Tag compliance below threshold",
      body: SUMMARY,
      violations: "{{ steps.check_compliance.output.violations }}",
    },
  },
];

const reportSteps = (resourceTypes: string[]): WorkflowStep[] => [
  {
    id: "build_report",
    name: "Build the compliance report",
    action: "tag_compliance.generate_compliance_report",
    inputs: { resource_types: resourceTypes, format: "markdown", include_recommendations: true },
  },
  {
    id: "publish_report",
    name: "Send the report",
    action: "notification.send",
    inputs: { channel: "email", subject: "Tag compliance report", body: "{{ steps.build_report.output }}" },
  },
];

const stepId = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/**
 * One tagging step per type and tag, over the check's missing-tag violations only: a present but
 * invalid value is left to a person, since overwriting it with a default could destroy information.
 */
function autoTagSteps(resourceTypes: string[], tags: TargetTag[], warnings: Set<string>): WorkflowStep[] {
  const ref = { id: "{{ item.resource_id }}", arn: "{{ item.resource_arn }}", region: "{{ item.region }}" };
  const used = new Set<string>();
  const steps: WorkflowStep[] = [];
  for (const type of resourceTypes) {
    for (const tag of tags.filter((candidate) => tagAppliesTo(candidate.applies_to, type))) {
      const placeholder = placeholderFor(tag);
      if (placeholder.warning) warnings.add(placeholder.warning);
      let id = `tag_${stepId(type)}_${stepId(tag.name) || "tag"}`;
      for (let n = 2; used.has(id); n++) id = `tag_${stepId(type)}_${stepId(tag.name) || "tag"}_${n}`;
      used.add(id);
      steps.push({
        id,
        name: `Add ${tag.name}=${placeholder.value} to ${type} resources missing it`,
        for_each: "{{ steps.check_compliance.output.violations }}",
        when: { resource_type: type, violation_type: "missing_required_tag", tag_name: tag.name },
        run: taggingCommand(type, { [tag.name]: placeholder.value }, ref),
      });
    }
  }
  return steps;
}

export function remediationSteps(
  strategy: RemediationStrategy,
  resourceTypes: string[],
  tags: TargetTag[],
  warnings: Set<string>,
): WorkflowStep[] {
  if (strategy === "notify") return notifySteps();
  if (strategy === "report") return reportSteps(resourceTypes);
  const tagging = autoTagSteps(resourceTypes, tags, warnings);
  const verify = {
    id: "verify",
    name: "Check tag compliance again",
    action: "tag_compliance.check_tag_compliance",
    inputs: { resource_types: resourceTypes, force_refresh: true },
  };
  return [...tagging, verify];
}
