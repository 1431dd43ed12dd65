// memorydb:cluster: DescribeClusters (100 a page, by NextToken) carries each cluster's ARN and status
// but no tags. Clusters the Tagging walk returned are known with their tags, the others have none;
// only when the walk failed is ListTags called per cluster, and a cluster it no longer finds was
// deleted meanwhile and is dropped. Clusters being deleted are excluded.
import { DescribeClustersCommand, ListTagsCommand, MemoryDBClient } from "@aws-sdk/client-memorydb";
import { arnOf, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const memorydbClusters: Lister = {
  type: "memorydb:cluster",
  actions: ["memorydb:DescribeClusters", "memorydb:ListTags"],
  async list(ctx) {
    const memorydb = ctx.scan.clients.get(MemoryDBClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        memorydb.send(new DescribeClustersCommand({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const cluster of page.Clusters ?? []) {
          if (!cluster.Name) continue;
          const arn = cluster.ARN ?? arnOf("memorydb", ctx, `cluster/${cluster.Name}`);
          if (cluster.Status === "deleting") {
            ctx.exclude(arn);
            continue;
          }
          // DescribeClusters gives no creation time.
          found.push({
            arn,
            id: cluster.Name,
            type: "memorydb:cluster",
            region: ctx.region,
            state: cluster.Status ?? null,
            created_at: null,
          });
        }
      },
    );
    const tagged = await ctx.taggedLookup();
    if (tagged) {
      for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
      return;
    }
    await forEachItem(found, async (r) => {
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          memorydb.send(new ListTagsCommand({ ResourceArn: r.arn }), { abortSignal }),
        ),
      );
      if (out) ctx.emit({ ...r, tags: tagsFromList(out.TagList) });
    });
  },
};
