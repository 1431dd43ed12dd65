// Which resources a compliance evaluation counts (TOOLS.md "Scoring"): scannable, not terminated,
// of a requested type that AWS can tag, with at least one applicable required tag, and each ARN once.
import { isUniqueAndSortedByArn } from "../arn/order";
import { COST_GENERATING_TYPES, isCostGeneratingType, isTaggableType } from "../catalog";
import type { Resource } from "../model";
import { applicableRequiredTags } from "../policy/applicable";
import type { RequiredTag, TaggingPolicy } from "../policy/types";

/** Instances on their way out no longer cost anything and cannot be fixed by tagging. */
export const ENDED_STATES: ReadonlySet<string> = new Set(["terminated", "shutting-down"]);

export interface ScopeInput {
  policy: TaggingPolicy;
  resources: readonly Resource[];
  /** Requested types; "all" means every cost-generating type. */
  resourceTypes: readonly string[];
}

export function requestedTypeSet(resourceTypes: readonly string[]): Set<string> {
  return new Set(resourceTypes.flatMap((type) => (type === "all" ? COST_GENERATING_TYPES : [type])));
}

/**
 * One entry per ARN, first occurrence wins, sorted by ARN. A global resource (s3, cloudfront,
 * route53) reported by several regional passes is one resource and must be counted once; sorting
 * makes every listing and cursor independent of the order regions finished in.
 */
export function uniqueByArn(resources: readonly Resource[]): Resource[] {
  // Discovery's merge is already in this order (arn/order.ts): a copy is the answer.
  if (isUniqueAndSortedByArn(resources)) return resources.slice();
  return sortedUnique(resources);
}

/** uniqueByArn without the copy: the list itself when it is already the answer. Read it only. */
export function uniqueByArnView(resources: readonly Resource[]): readonly Resource[] {
  return isUniqueAndSortedByArn(resources) ? resources : sortedUnique(resources);
}

function sortedUnique(resources: readonly Resource[]): Resource[] {
  const byArn = new Map<string, Resource>();
  for (const resource of resources) if (!byArn.has(resource.arn)) byArn.set(resource.arn, resource);
  return [...byArn.values()].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

export function resourcesInScope({ policy, resources, resourceTypes }: ScopeInput): Resource[] {
  return scopeOfUnique(uniqueByArnView(resources), resourceTypes, (type) =>
    applicableRequiredTags(policy, type),
  );
}

/**
 * resourcesInScope over a list uniqueByArn already made, with the policy's applicable tags per type
 * (applicableRequiredTags, or its memo applicableByType): one dedupe serves a whole evaluation.
 */
export function scopeOfUnique(
  unique: readonly Resource[],
  resourceTypes: readonly string[],
  applicable: (type: string) => readonly RequiredTag[],
): Resource[] {
  const requested = requestedTypeSet(resourceTypes);
  return unique.filter(
    (resource) =>
      isCostGeneratingType(resource.type) &&
      // AWS cannot tag these: counted apart by notTaggableResources, never judged.
      isTaggableType(resource.type) &&
      requested.has(resource.type) &&
      !ENDED_STATES.has((resource.state ?? "").toLowerCase()) &&
      applicable(resource.type).length > 0,
  );
}
