// elasticache:cluster: DescribeCacheClusters (100 a page) gives each cluster's ARN, status and
// creation time; tags come from the Tagging walk, or ListTagsForResource when it failed.
import { DescribeCacheClustersCommand, ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { arnOf, isoOrNull } from "../arn";
import { emitWithTags } from "./elasticache-tags";
import { eachPage } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const elasticacheClusters: Lister = {
  type: "elasticache:cluster",
  actions: ["elasticache:DescribeCacheClusters", "elasticache:ListTagsForResource"],
  async list(ctx) {
    const elasticache = ctx.scan.clients.get(ElastiCacheClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        elasticache.send(new DescribeCacheClustersCommand({ MaxRecords: 100, Marker }), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const c of page.CacheClusters ?? []) {
          if (!c.CacheClusterId) continue;
          found.push({
            arn: c.ARN ?? arnOf("elasticache", ctx, `cluster:${c.CacheClusterId}`),
            id: c.CacheClusterId,
            type: "elasticache:cluster",
            region: ctx.region,
            state: c.CacheClusterStatus ?? null,
            created_at: isoOrNull(c.CacheClusterCreateTime),
          });
        }
      },
    );
    await emitWithTags(ctx, elasticache, found);
  },
};
