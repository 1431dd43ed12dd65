// Per-region and per-account totals of one evaluation.
import type { Resource, Violation } from "../model";
import { roundScore } from "./ratio";

export interface ComplianceBreakdown {
  total: number;
  compliant: number;
  score: number;
  /** Every violation of the group, whatever the severity filter (it never changes totals). */
  violations: number;
}

export interface EvaluatedResource {
  resource: Resource;
  violations: readonly Violation[];
  /** No violation that counts (advisory ones, aliases under "warning" treatment, do not). */
  compliant: boolean;
}

/** Groups keyed by `keyOf`, in sorted key order so output is stable. */
export function breakdownBy(
  evaluated: readonly EvaluatedResource[],
  keyOf: (resource: Resource) => string,
): Record<string, ComplianceBreakdown> {
  const groups = new Map<string, { total: number; compliant: number; violations: number }>();
  for (const { resource, violations, compliant } of evaluated) {
    const key = keyOf(resource);
    const group = groups.get(key) ?? { total: 0, compliant: 0, violations: 0 };
    group.total += 1;
    if (compliant) group.compliant += 1;
    group.violations += violations.length;
    groups.set(key, group);
  }
  const keys = [...groups.keys()].sort();
  return Object.fromEntries(
    keys.map((key) => {
      const group = groups.get(key)!;
      // A group exists only once it holds a resource, so its total is never zero.
      return [key, { ...group, score: roundScore(group.compliant / group.total) }];
    }),
  );
}
