// The attribution gap of one scan, reduced to what its charts draw: the spend on resources violating
// each tag (largest first) and the gap of each resource type, in whole cents. Stored with a snapshot
// (aggregates only, no resource data) so the console can chart the gap without calling AWS again.
import type { AttributionGap } from "../cost/gap-types";
import type { Violation } from "../model";
import { CURRENCY, roundCents, roundEach } from "./money";
import { summarizeByTag, topByCost } from "./tag-summary";

export interface GapSummary {
  currency: typeof CURRENCY;
  /** The cost period the spend covers. */
  period: AttributionGap["period"];
  taggable_total: number;
  gap: number;
  gap_percentage: number;
  /** Monthly spend on resources violating each tag, largest first (top 10); empty when all is $0. */
  by_tag: { tag_name: string; cost_impact_monthly: number }[];
  /** The gap per resource type; null when the gap was grouped otherwise. */
  by_resource_type: Record<string, number> | null;
}

/** Null when the scan read no spend (no gap to summarise). */
export function gapSummary(violations: readonly Violation[], gap: AttributionGap | null): GapSummary | null {
  if (!gap) return null;
  const byTag = topByCost(summarizeByTag(violations))
    .filter((row) => row.cost_impact_monthly > 0)
    .map(({ tag_name, cost_impact_monthly }) => ({ tag_name, cost_impact_monthly }));
  return {
    currency: CURRENCY,
    period: gap.period,
    taggable_total: roundCents(gap.taggable_total),
    gap: roundCents(gap.gap),
    gap_percentage: roundCents(gap.gap_percentage),
    by_tag: byTag,
    by_resource_type:
      gap.group_by === "resource_type"
        ? roundEach(
            Object.fromEntries(Object.entries(gap.breakdown).map(([type, group]) => [type, group.gap])),
          )
        : null,
  };
}
