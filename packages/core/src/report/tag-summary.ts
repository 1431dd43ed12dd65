// Violations grouped by tag: counts per violation type and the spend of the affected resources.
import type { Violation } from "../model";
import { roundCents } from "./money";
import type { TagViolationSummary } from "./types";

export function summarizeByTag(violations: readonly Violation[]): TagViolationSummary[] {
  const byTag = new Map<string, TagViolationSummary & { arns: Set<string> }>();
  for (const violation of violations) {
    let row = byTag.get(violation.tag_name);
    if (!row) {
      row = {
        tag_name: violation.tag_name,
        violations: 0,
        missing_required_tag: 0,
        invalid_value: 0,
        invalid_format: 0,
        key_case_mismatch: 0,
        aliased_value: 0,
        resources: 0,
        cost_impact_monthly: 0,
        arns: new Set(),
      };
      byTag.set(violation.tag_name, row);
    }
    row.violations += 1;
    row[violation.violation_type] += 1;
    // A resource's cost counts once per tag, however many violations it has for that tag.
    if (!row.arns.has(violation.resource_arn)) {
      row.arns.add(violation.resource_arn);
      row.resources += 1;
      row.cost_impact_monthly += violation.cost_impact_monthly;
    }
  }
  // Summed in floating point, rounded once at the end so every renderer starts from whole cents.
  return [...byTag.values()].map(({ arns: _arns, ...row }) => ({
    ...row,
    cost_impact_monthly: roundCents(row.cost_impact_monthly),
  }));
}

const byName = (a: TagViolationSummary, b: TagViolationSummary): number =>
  a.tag_name < b.tag_name ? -1 : a.tag_name > b.tag_name ? 1 : 0;

export const TOP_LIMIT = 10;

export function topByCount(rows: readonly TagViolationSummary[]): TagViolationSummary[] {
  return [...rows].sort((a, b) => b.violations - a.violations || byName(a, b)).slice(0, TOP_LIMIT);
}

export function topByCost(rows: readonly TagViolationSummary[]): TagViolationSummary[] {
  return [...rows]
    .sort((a, b) => b.cost_impact_monthly - a.cost_impact_monthly || byName(a, b))
    .slice(0, TOP_LIMIT);
}
