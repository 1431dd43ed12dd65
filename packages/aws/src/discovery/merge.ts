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
  const arns = new Set([...tagged.keys(), ...listed.keys()]);
  const resources: Resource[] = [];
  for (const arn of arns) {
    if (excluded.has(arn)) continue;
    const fromTagging = tagged.get(arn);
    const fromLister = listed.get(arn);
    const base = fromLister ?? fromTagging;
    if (!base || withheld.has(withheldKey(base.region, base.type))) continue;
    resources.push({
      arn,
      id: base.id,
      type: base.type,
      region: base.region,
      account_id: accountId,
      tags: { ...fromTagging?.tags, ...fromLister?.tags },
      state: fromLister?.state ?? null,
      created_at: fromLister?.created_at ?? null,
      // Only when known, so every other resource keeps its shape.
      ...(fromLister?.parent_id ? { parent_id: fromLister.parent_id } : {}),
    });
  }
  return resources.sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}
