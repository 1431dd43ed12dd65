// Spreads each cost line's spend over the scanned resources of that line (TOOLS.md "Cost
// attribution"). A line is a Cost Explorer service, or one usage-type family of "EC2 - Other"
// (catalog/cost-lines.ts), so a service's spend only ever reaches the types it bills.
//
// Per service, with T its total:
// 1. A resource whose Name tag matches a TAG:Name group (nameKey) gets that group's amount, "matched".
//    Several resources with the same Name split their group equally, so a group is never paid twice.
//    Negative groups (credits) count as 0: a resource cost estimate is never negative.
// 2. If the matched amounts exceed max(T, 0) (credits elsewhere, or CostData built from mismatched
//    queries) they are scaled down proportionally, so the spread never exceeds the service total.
// 3. The remainder is shared equally by the unmatched running resources, "estimated"; unmatched
//    stopped EC2 instances get $0, "stopped". With no unmatched resource running, all unmatched
//    resources share it. Matched resources take no share: their own spend is already known.
// 4. What no resource can take (no resources, every resource matched, or a negative T) is reported
//    as unallocated so the attribution gap can still account for it.
// A resource whose type has no Cost Explorer service (free or unknown) gets $0, "estimated".
import { isUniqueAndSortedByArn } from "../arn/order";
import { costLineFor } from "../catalog/cost-lines";
import type { Resource } from "../model";
import { nameKey } from "./name-key";
import { isStoppedInstance } from "./stopped";
import type { CostData, ResourceCost } from "./types";

export interface ServiceSpread {
  total: number;
  /** Sum of the amounts given to resources (≤ max(total, 0)). */
  allocated: number;
  /** total − allocated, computed from the rules above rather than by float subtraction. */
  unallocated: number;
  resources: number;
}

export interface SpreadResult {
  byArn: Map<string, ResourceCost>;
  byService: Map<string, ServiceSpread>;
}

const STOPPED: ResourceCost = Object.freeze({ amount: 0, source: "stopped" });
/** A type with no Cost Explorer service (free or unknown). */
const FREE: ResourceCost = Object.freeze({ amount: 0, source: "estimated" });

function groupByService(resources: readonly Resource[]): Map<string, Resource[]> {
  // Discovery merges by ARN, but a duplicate here would be paid twice, so guard anyway (a list in
  // ARN order, as the merge hands it over, has none: arn/order.ts).
  const seen = isUniqueAndSortedByArn(resources) ? undefined : new Set<string>();
  const groups = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (seen) {
      if (seen.has(resource.arn)) continue;
      seen.add(resource.arn);
    }
    const service = costLineFor(resource.type) ?? "";
    const group = groups.get(service) ?? [];
    group.push(resource);
    groups.set(service, group);
  }
  return groups;
}

function spreadService(
  total: number,
  resources: readonly Resource[],
  nameGroups: Record<string, number>,
  out: Map<string, ResourceCost>,
): ServiceSpread {
  const groupAmounts = new Map<string, number>();
  for (const [name, amount] of Object.entries(nameGroups)) {
    const key = nameKey(name);
    groupAmounts.set(key, (groupAmounts.get(key) ?? 0) + amount);
  }

  const matchedBy = new Map<string, Resource[]>();
  const unmatched: Resource[] = [];
  for (const resource of resources) {
    const name = resource.tags.Name;
    const key = name === undefined ? undefined : nameKey(name);
    if (key !== undefined && key !== "" && groupAmounts.has(key)) {
      const group = matchedBy.get(key) ?? [];
      group.push(resource);
      matchedBy.set(key, group);
    } else {
      unmatched.push(resource);
    }
  }

  const available = Math.max(total, 0);
  let matchedSum = 0;
  for (const key of matchedBy.keys()) matchedSum += Math.max(groupAmounts.get(key) ?? 0, 0);
  const scale = matchedSum > available ? available / matchedSum : 1;

  // Resources that get the same figure share one frozen cost object instead of one object each
  // (a spread's main allocation per resource); nothing changes a cost once it is set.
  let allocated = 0;
  for (const [key, group] of matchedBy) {
    const each = (Math.max(groupAmounts.get(key) ?? 0, 0) * scale) / group.length;
    const cost: ResourceCost = Object.freeze({ amount: each, source: "matched" });
    for (const resource of group) out.set(resource.arn, cost);
    allocated += each * group.length;
  }

  const remainder = scale < 1 ? 0 : available - matchedSum;
  const running = unmatched.filter((resource) => !isStoppedInstance(resource));
  const sharers = running.length > 0 ? running : unmatched;
  const share = sharers.length > 0 ? remainder / sharers.length : 0;
  const estimated: ResourceCost = Object.freeze({ amount: share, source: "estimated" });
  for (const resource of unmatched) {
    const shares = running.length === 0 || !isStoppedInstance(resource);
    out.set(resource.arn, shares ? estimated : STOPPED);
  }
  if (sharers.length > 0) allocated += remainder;

  const unallocated = (sharers.length > 0 ? 0 : remainder) + Math.min(total, 0);
  return { total, allocated, unallocated, resources: resources.length };
}

/** Spread plus a per-service account of what was and was not allocated (for the gap). */
export function spreadCostsDetailed({
  resources,
  costData,
}: {
  resources: readonly Resource[];
  costData: CostData;
}): SpreadResult {
  const byArn = new Map<string, ResourceCost>();
  const byService = new Map<string, ServiceSpread>();
  const groups = groupByService(resources);

  for (const [service, members] of groups) {
    if (service === "") {
      for (const resource of members) byArn.set(resource.arn, FREE);
      continue;
    }
    const total = costData.by_service[service] ?? 0;
    const names = costData.by_service_name_tag[service] ?? {};
    byService.set(service, spreadService(total, members, names, byArn));
  }
  // Services with spend and no scanned resource: nothing to spread, all of it unallocated.
  for (const [service, total] of Object.entries(costData.by_service)) {
    if (!byService.has(service))
      byService.set(service, { total, allocated: 0, unallocated: total, resources: 0 });
  }
  return { byArn, byService };
}

/** ARN → monthly cost estimate and its source, per TOOLS.md "Cost attribution". */
export function spreadCosts(input: {
  resources: readonly Resource[];
  costData: CostData;
}): Map<string, ResourceCost> {
  return spreadCostsDetailed(input).byArn;
}
