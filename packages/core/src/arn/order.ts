// Whether a list of resources is already in ARN order with each ARN once, as discovery's merge hands
// it over. Dedupe-and-sort steps check this first: one string comparison per resource instead of a
// map (or set) of every ARN and a sort, with the same result, since such a list is its own answer.
import type { Resource } from "../model";

/** Strictly ascending ARNs (UTF-16 code unit order, as `<`): sorted, so no ARN twice. */
export function isUniqueAndSortedByArn(resources: readonly Pick<Resource, "arn">[]): boolean {
  for (let i = 1; i < resources.length; i++) {
    if (!(resources[i - 1]!.arn < resources[i]!.arn)) return false;
  }
  return true;
}
