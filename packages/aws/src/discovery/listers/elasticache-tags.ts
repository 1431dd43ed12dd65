// ElastiCache lists clusters and replication groups without tags; ListTagsForResource reads one
// resource's. Listers call it only when the Tagging walk failed, and drop a resource deleted since.
import { type ElastiCacheClient, ListTagsForResourceCommand } from "@aws-sdk/client-elasticache";
import { tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { ListedResource, ListerContext } from "./types";

/** Emits each resource: tags from the walk (absent), none ({}), or read here when the walk failed. */
export async function emitWithTags(
  ctx: ListerContext,
  elasticache: ElastiCacheClient,
  found: readonly Omit<ListedResource, "tags">[],
): Promise<void> {
  const tagged = await ctx.taggedLookup();
  if (tagged) {
    for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
    return;
  }
  await forEachItem(found, async (r) => {
    const out = await unlessGone(
      ctx.scan.call(ctx.region, "item", (abortSignal) =>
        elasticache.send(new ListTagsForResourceCommand({ ResourceName: r.arn }), { abortSignal }),
      ),
    );
    if (out) ctx.emit({ ...r, tags: tagsFromList(out.TagList) });
  });
}
