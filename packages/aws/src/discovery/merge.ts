// Both sources, merged by ARN: the Tagging API (every tagged resource, with its tags) and the
// listers (every resource, with state and creation time). The lister's facts win; tags are the
// union, the lister's value winning when both have a key.
// Where a type's lister was denied, the type is withheld in that region: the Tagging API alone
// would show only its tagged resources, a subset that flatters the score. The issue names it.
import type { Resource } from "@tagc/core";
import type { ListedResource } from "./listers";
import type { TaggedResource } from "./tagging-walk";

export interface MergeInput {
  accountId: string;
  tagged: ReadonlyMap<string, TaggedResource>;
  listed: ReadonlyMap<string, ListedResource>;
  excluded: ReadonlySet<string>;
  /** Types withheld where their lister was denied, keyed by withheldKey(region label, type). */
  withheld: ReadonlySet<string>;
}

export const withheldKey = (region: string, type: string) => `${region}\u0000${type}`;

export function mergeResources({ accountId, tagged, listed, excluded, withheld }: MergeInput): Resource[] {
  const resources: Resource[] = [];
  const add = (
    arn: string,
    fromTagging: TaggedResource | undefined,
    fromLister: ListedResource | undefined,
  ) => {
    if (excluded.has(arn)) return;
    const base = fromLister ?? fromTagging;
    if (!base || withheld.has(withheldKey(base.region, base.type))) return;
    resources.push({
      arn,
      id: base.id,
      type: base.type,
      region: base.region,
      account_id: accountId,
      tags: unionOf(fromTagging?.tags, fromLister?.tags),
      state: fromLister?.state ?? null,
      created_at: fromLister?.created_at ?? null,
      // Only when known, so every other resource keeps its shape.
      ...(fromLister?.parent_id ? { parent_id: fromLister.parent_id } : {}),
    });
  };
  // Each map walked in place: no array and set of every ARN (100,000 for a 50,000-resource scan).
  for (const [arn, fromLister] of listed) add(arn, tagged.get(arn), fromLister);
  for (const [arn, fromTagging] of tagged) if (!listed.has(arn)) add(arn, fromTagging, undefined);
  return resources.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}

const hasNoKeys = (tags: Record<string, string> | undefined) => {
  for (const _ in tags) return false;
  return true;
};

/**
 * The Tagging API's tags, then the lister's (which win). A side with no tags adds nothing, so the
 * other side's object is taken as is (same keys, same order) rather than copied per resource: the
 * discovery's maps are dropped after the merge.
 */
function unionOf(
  fromTagging: Record<string, string> | undefined,
  fromLister: Record<string, string> | undefined,
): Record<string, string> {
  if (hasNoKeys(fromLister)) return fromTagging ?? {};
  if (hasNoKeys(fromTagging)) return fromLister ?? {};
  return { ...fromTagging, ...fromLister };
}
