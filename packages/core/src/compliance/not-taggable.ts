// Cost-generating resources AWS cannot tag (glue:table): never a violation, never in the score or
// the untagged list, but counted and named so the reader knows they were found and why they are not
// judged. Asking a team to tag what AWS refuses to tag would be an impossible remediation.
import { isCostGeneratingType, notTaggableReason } from "../catalog";
import type { Resource } from "../model";
import { ENDED_STATES, requestedTypeSet, uniqueByArnView } from "./scope";

export interface NotTaggableEntry {
  resource_type: string;
  count: number;
  reason: string;
}

export interface NotTaggableInput {
  resources: readonly Resource[];
  /** Requested types; "all" means every cost-generating type. */
  resourceTypes: readonly string[];
}

/** One entry per not-taggable type with at least one live resource, sorted by type. */
export function notTaggableResources({ resources, resourceTypes }: NotTaggableInput): NotTaggableEntry[] {
  return notTaggableOfUnique(uniqueByArnView(resources), resourceTypes);
}

/** notTaggableResources over a list uniqueByArn already made (the evaluation's own). */
export function notTaggableOfUnique(
  unique: readonly Resource[],
  resourceTypes: readonly string[],
): NotTaggableEntry[] {
  const requested = requestedTypeSet(resourceTypes);
  const counts = new Map<string, number>();
  for (const resource of unique) {
    if (!isCostGeneratingType(resource.type) || !requested.has(resource.type)) continue;
    if (notTaggableReason(resource.type) === undefined) continue;
    if (ENDED_STATES.has((resource.state ?? "").toLowerCase())) continue;
    counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, count]) => ({ resource_type: type, count, reason: notTaggableReason(type) ?? "" }));
}

/** The sentence a summary carries when some found resources cannot be tagged; null when none. */
export function notTaggableSentence(entries: readonly NotTaggableEntry[]): string | null {
  if (entries.length === 0) return null;
  const parts = entries.map((entry) => `${entry.count} ${entry.resource_type}`);
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  return `${parts.join(", ")} ${total === 1 ? "resource" : "resources"} cannot carry tags in AWS: reported as not taggable, not as violations, and left out of the score.`;
}
