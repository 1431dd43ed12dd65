// elasticache:replicationgroup: DescribeReplicationGroups (100 a page); tags as for clusters.
import { DescribeReplicationGroupsCommand, ElastiCacheClient } from "@aws-sdk/client-elasticache";
import { arnOf, isoOrNull } from "../arn";
import { emitWithTags } from "./elasticache-tags";
import { eachPage } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const elasticacheReplicationGroups: Lister = {
  type: "elasticache:replicationgroup",
  actions: ["elasticache:DescribeReplicationGroups", "elasticache:ListTagsForResource"],
  async list(ctx) {
    const elasticache = ctx.scan.clients.get(ElastiCacheClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        elasticache.send(new DescribeReplicationGroupsCommand({ MaxRecords: 100, Marker }), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const g of page.ReplicationGroups ?? []) {
          if (!g.ReplicationGroupId) continue;
          found.push({
            arn: g.ARN ?? arnOf("elasticache", ctx, `replicationgroup:${g.ReplicationGroupId}`),
            id: g.ReplicationGroupId,
            type: "elasticache:replicationgroup",
            region: ctx.region,
            state: g.Status ?? null,
            created_at: isoOrNull(g.ReplicationGroupCreateTime),
          });
        }
      },
    );
    await emitWithTags(ctx, elasticache, found);
  },
};
