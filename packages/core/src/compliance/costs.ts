// Per-resource monthly cost estimates as the cost spreader hands them over, keyed by ARN.
// Accepted as a Map or a plain record so callers need not convert what they already have.
// The cost shape itself belongs to the cost spreader (../cost/types), which produces it.
import type { ResourceCost } from "../cost/types";

export type CostLookup = ReadonlyMap<string, ResourceCost> | Readonly<Record<string, ResourceCost>>;

/**
 * A resource the spreader did not price belongs to a service with no reported spend, so its share
 * of that spend is $0: an estimate, not a match.
 */
export const UNPRICED: ResourceCost = Object.freeze({ amount: 0, source: "estimated" });

export function costOf(costs: CostLookup | undefined, arn: string): ResourceCost {
  if (!costs) return UNPRICED;
  if (costs instanceof Map) return costs.get(arn) ?? UNPRICED;
  // Own keys only, so an inherited name ("constructor") is never read as a cost.
  const record = costs as Readonly<Record<string, ResourceCost>>;
  return Object.hasOwn(record, arn) ? (record[arn] ?? UNPRICED) : UNPRICED;
}
