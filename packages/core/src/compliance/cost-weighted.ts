// Compliance weighted by spend: the share of in-scope spend that sits on compliant resources. One
// untagged database can matter more than a hundred untagged snapshots; the count score hides that.
import type { CostLookup } from "./costs";
import { costOf } from "./costs";
import { roundScore } from "./ratio";

export interface CostWeightedCompliance {
  /** compliant spend / in-scope spend; null when costs were not read or nothing in scope costs. */
  cost_weighted_compliance: number | null;
  /** Why cost_weighted_compliance is null; null when it is a number. */
  cost_weighted_reason: string | null;
}

export function costWeightedCompliance(
  entries: readonly { resource: { arn: string }; compliant: boolean }[],
  costs: CostLookup | undefined,
): CostWeightedCompliance {
  if (!costs)
    return { cost_weighted_compliance: null, cost_weighted_reason: "costs were not read for this call" };
  let total = 0;
  let compliant = 0;
  for (const entry of entries) {
    const amount = costOf(costs, entry.resource.arn).amount;
    total += amount;
    if (entry.compliant) compliant += amount;
  }
  // Zero spend gives no weight to divide by; 100% (or 0%) would claim something nobody paid for.
  if (total <= 0)
    return { cost_weighted_compliance: null, cost_weighted_reason: "no spend on the resources in scope" };
  return { cost_weighted_compliance: roundScore(compliant / total), cost_weighted_reason: null };
}
