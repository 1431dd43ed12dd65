// The cost attribution gap (TOOLS.md "Cost attribution" and tool 4):
//   gap = (total − unattributable_by_nature) − attributable
// where attributable is the spread spend of compliant resources. Amounts are left unrounded so the
// breakdown sums to the totals; the tool layer rounds for display.
import { isUniqueAndSortedByArn } from "../arn/order";
import { isTaggableType } from "../catalog";
import { costLineFor } from "../catalog/cost-lines";
import type { Resource } from "../model";
import { GapGroups } from "./gap-groups";
import { gapNote } from "./gap-note";
import type { AttributionGap, CostSourceTally, GapGroupBy } from "./gap-types";
import { UNALLOCATED_GROUP } from "./gap-types";
import type { GapScope, ResourceTypeScope } from "./scope";
import { resolveGapScope } from "./scope";
import { type SpreadResult, spreadCostsDetailed } from "./spread";
import type { CostData, CostSource } from "./types";

export interface AttributionGapInput {
  /** Scanned resources; those outside resourceTypes are ignored. */
  resources: readonly Resource[];
  /** ARNs with no violation (including resources no required tag applies to). A Set is used as is. */
  compliantArns: Iterable<string>;
  costData: CostData;
  resourceTypes: ResourceTypeScope;
  groupBy: GapGroupBy;
  /**
   * spreadCostsDetailed({ resources, costData }) of these same resources and spend, when the caller
   * has it (the compliance evaluation spreads them too). Reused when every resource is in the gap's
   * scope, where spreading again would give the same result; ignored otherwise.
   */
  spread?: SpreadResult;
}

function groupKey(resource: Resource, service: string, groupBy: GapGroupBy): string {
  switch (groupBy) {
    case "resource_type":
      return resource.type;
    case "region":
      return resource.region;
    case "account":
      return resource.account_id;
    case "service":
      return service;
  }
}

/** Where spend that no scanned resource took is shown, per grouping. */
function unallocatedKey(service: string, scope: GapScope, groupBy: GapGroupBy): string {
  if (groupBy === "service") return service;
  const types = scope.typesOfService.get(service) ?? [];
  // With one type the spend is plainly that type's; splitting it over several would be a guess.
  if (groupBy === "resource_type" && types.length === 1) return types[0]!;
  return UNALLOCATED_GROUP;
}

function seedGroups(groups: GapGroups, scope: GapScope, groupBy: GapGroupBy, explicit: boolean): void {
  if (groupBy === "service") for (const service of scope.taggable) groups.seed(service);
  // Requested types always appear, so "no resources found" is visible; "all" would be 42 rows.
  if (groupBy === "resource_type" && explicit) {
    for (const types of scope.typesOfService.values()) for (const type of types) groups.seed(type);
  }
}

/** Discovery drops these already; filtered again so counts agree with the compliance scope. */
const ENDED_STATES = new Set(["terminated", "shutting-down"]);

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The unattributable line of a type AWS cannot tag, shown beside Tax and data transfer. */
export const notTaggableLine = (service: string, type: string): string =>
  `${service} (${type}, not taggable)`;

export function attributionGap(input: AttributionGapInput): AttributionGap {
  const { costData, groupBy } = input;
  const scope = resolveGapScope(input.resourceTypes, costData);
  const compliant = input.compliantArns instanceof Set ? input.compliantArns : new Set(input.compliantArns);
  const resources = input.resources.filter(
    (resource) =>
      scope.isTypeInScope(resource.type) && !ENDED_STATES.has((resource.state ?? "").toLowerCase()),
  );
  const spread =
    input.spread && resources.length === input.resources.length
      ? input.spread
      : spreadCostsDetailed({ resources, costData });

  const groups = new GapGroups();
  seedGroups(groups, scope, groupBy, input.resourceTypes !== "all");
  const sources: Record<CostSource, CostSourceTally> = {
    matched: { resources: 0, amount: 0 },
    estimated: { resources: 0, amount: 0 },
    stopped: { resources: 0, amount: 0 },
  };

  let attributable = 0;
  let compliantCount = 0;
  // Spend spread onto resources AWS cannot tag: no tag can ever attribute it, so it is moved out of
  // the gap into unattributable_by_nature, under its own line ("AWS Glue (glue:table, not taggable)").
  const notTaggable = new Map<string, number>();
  let notTaggableCount = 0;
  // Each ARN once; a list in ARN order (discovery's merge) has no duplicate to skip (arn/order.ts).
  const seen = isUniqueAndSortedByArn(resources) ? undefined : new Set<string>();
  let counted = 0;
  for (const resource of resources) {
    if (seen) {
      if (seen.has(resource.arn)) continue;
      seen.add(resource.arn);
    }
    counted += 1;
    const service = costLineFor(resource.type) ?? "";
    const cost = spread.byArn.get(resource.arn) ?? { amount: 0, source: "estimated" as const };
    sources[cost.source].resources += 1;
    sources[cost.source].amount += cost.amount;
    if (!isTaggableType(resource.type)) {
      const line = notTaggableLine(service, resource.type);
      const amount = scope.taggable.has(service) ? cost.amount : 0;
      notTaggable.set(line, (notTaggable.get(line) ?? 0) + amount);
      notTaggableCount += 1;
      continue;
    }
    // Spend of an unattributable service is outside the gap, so it is not attributable either.
    const amount = scope.taggable.has(service) ? cost.amount : 0;
    const isCompliant = compliant.has(resource.arn);
    if (isCompliant) {
      attributable += amount;
      compliantCount += 1;
    }
    groups.addResource(groupKey(resource, service, groupBy), amount, isCompliant);
  }

  let taggableTotal = 0;
  for (const service of scope.taggable) {
    taggableTotal += costData.by_service[service] ?? 0;
    const unallocated = spread.byService.get(service)?.unallocated ?? 0;
    if (unallocated !== 0) groups.addSpend(unallocatedKey(service, scope, groupBy), unallocated);
  }

  const unattributableServices: Record<string, number> = Object.create(null);
  let unattributable = 0;
  for (const service of [...scope.unattributable].sort()) {
    const amount = costData.by_service[service] ?? 0;
    unattributableServices[service] = amount;
    unattributable += amount;
  }
  for (const [line, amount] of [...notTaggable.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    unattributableServices[line] = amount;
    unattributable += amount;
    taggableTotal -= amount;
  }

  const gap = taggableTotal - attributable;
  return {
    period: costData.period,
    group_by: groupBy,
    total: taggableTotal + unattributable,
    attributable,
    unattributable_by_nature: unattributable,
    unattributable_services: unattributableServices,
    taggable_total: taggableTotal,
    gap,
    gap_percentage: taggableTotal > 0 ? round2((gap / taggableTotal) * 100) : 0,
    breakdown: groups.toRecord(),
    cost_sources: sources,
    note: gapNote({ resources: counted - notTaggableCount, compliant: compliantCount, taggableTotal, gap }),
  };
}
