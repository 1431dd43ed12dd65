// dax:cache (DynamoDB Accelerator clusters): DescribeClusters (100 a page, by NextToken) carries each
// cluster's ARN (cache/<name>) and status but no tags. Clusters the Tagging walk returned are known
// with their tags, the others have none; only when the walk failed is ListTags called per cluster,
// and a cluster it no longer finds was deleted meanwhile and is dropped. Clusters being deleted are
// excluded.
import { DAXClient, DescribeClustersCommand, ListTagsCommand } from "@aws-sdk/client-dax";
import { arnOf, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister, ListerContext } from "./types";

async function tagsOf(ctx: ListerContext, dax: DAXClient, ResourceName: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (NextToken, abortSignal) => dax.send(new ListTagsCommand({ ResourceName, NextToken }), { abortSignal }),
    (page) => page.NextToken,
    (page) => void Object.assign(tags, tagsFromList(page.Tags)),
  );
  return tags;
}

export const daxClusters: Lister = {
  type: "dax:cache",
  actions: ["dax:DescribeClusters", "dax:ListTags"],
  async list(ctx) {
    const dax = ctx.scan.clients.get(DAXClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        dax.send(new DescribeClustersCommand({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const cluster of page.Clusters ?? []) {
          if (!cluster.ClusterName) continue;
          const arn = cluster.ClusterArn ?? arnOf("dax", ctx, `cache/${cluster.ClusterName}`);
          if (cluster.Status === "deleting") {
            ctx.exclude(arn);
            continue;
          }
          // DescribeClusters gives no creation time.
          found.push({
            arn,
            id: cluster.ClusterName,
            type: "dax:cache",
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
      const tags = await unlessGone(tagsOf(ctx, dax, r.arn));
      if (tags) ctx.emit({ ...r, tags });
    });
  },
};
