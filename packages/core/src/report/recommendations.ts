// Recommendation rules of generate_compliance_report (TOOLS.md tool 7). Thresholds are strict
// ("over $1,000" is > 1000, "below 0.5" is < 0.5) except the maintain rule (score ≥ 0.9).
// The two gap rules are tiers of one rule: a gap over $5,000 is high and is not repeated as medium.
import type { Violation } from "../model";
import { formatScore, formatUsd } from "./money";
import type { Recommendation, ReportComplianceInput, ReportGapInput, TagViolationSummary } from "./types";

function largestCostTag(tags: readonly TagViolationSummary[], gap: ReportGapInput): [string, number] | null {
  const costs: [string, number][] = gap.by_tag
    ? Object.entries(gap.by_tag)
    : tags.map((row) => [row.tag_name, row.cost_impact_monthly]);
  // Highest cost first, ties by name, so the same input always names the same tag.
  costs.sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0));
  return costs[0] ?? null;
}

function missingResourcesByTag(violations: readonly Violation[]): Map<string, number> {
  const arns = new Map<string, Set<string>>();
  for (const violation of violations) {
    if (violation.violation_type !== "missing_required_tag") continue;
    const set = arns.get(violation.tag_name) ?? new Set<string>();
    set.add(violation.resource_arn);
    arns.set(violation.tag_name, set);
  }
  return new Map([...arns].map(([tag, set]) => [tag, set.size]));
}

function typeWithMostViolations(violations: readonly Violation[]): [string, number] | null {
  const counts = new Map<string, number>();
  for (const violation of violations)
    counts.set(violation.resource_type, (counts.get(violation.resource_type) ?? 0) + 1);
  return [...counts].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

export function buildRecommendations(
  compliance: ReportComplianceInput,
  gap: ReportGapInput,
  tags: readonly TagViolationSummary[],
): Recommendation[] {
  const out: Recommendation[] = [];
  const costly = largestCostTag(tags, gap);
  if (costly && costly[1] > 1000) {
    out.push({
      priority: "high",
      rule: "largest_tag_cost_gap",
      message: `Fix the ${costly[0]} tag first: ${formatUsd(costly[1])} of monthly spend sits on resources where it is missing or invalid.`,
    });
  }
  for (const [tag, count] of [...missingResourcesByTag(compliance.violations)].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (count <= 10) continue;
    out.push({
      priority: "high",
      rule: "tag_missing_widely",
      message: `The ${tag} tag is missing on ${count} resources: bulk-tag them (export_for_automation or a Cloud Custodian policy) rather than one by one.`,
    });
  }
  // No score (nothing was read) fires neither score rule: there is nothing to praise or fix yet.
  if (compliance.score !== null && compliance.score < 0.5) {
    out.push({
      priority: "high",
      rule: "low_compliance_score",
      message: `Compliance is ${formatScore(compliance.score)}, below 50%: enforce the required tags at creation time (a tag policy or an SCP) to stop the backlog growing.`,
    });
  }
  if (gap.gap > 5000) {
    out.push({
      priority: "high",
      rule: "large_attribution_gap",
      message: `${formatUsd(gap.gap)} of monthly spend cannot be attributed: tag the highest-cost resources first.`,
    });
  }
  const worstType = typeWithMostViolations(compliance.violations);
  if (worstType && worstType[1] > 5) {
    out.push({
      priority: "medium",
      rule: "type_with_most_violations",
      message: `${worstType[0]} has the most violations (${worstType[1]}): add the required tags to its provisioning templates.`,
    });
  }
  if (gap.gap > 1000 && gap.gap <= 5000) {
    out.push({
      priority: "medium",
      rule: "attribution_gap",
      message: `${formatUsd(gap.gap)} of monthly spend cannot be attributed: review the untagged resources with the largest cost.`,
    });
  }
  if (compliance.score !== null && compliance.score >= 0.9) {
    out.push({
      priority: "low",
      rule: "maintain",
      message: `Compliance is ${formatScore(compliance.score)}: keep it there with a scheduled audit and drift detection.`,
    });
  }
  return out;
}
