// rds:cluster. DescribeDBClusters carries each cluster's TagList.
import { DescribeDBClustersCommand, RDSClient } from "@aws-sdk/client-rds";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import { projectOutput } from "./projection";
import type { Lister } from "./types";

/** What the lister reads of a page (projection.ts). */
const page = projectOutput({
  Marker: true,
  DBClusters: {
    DBClusterIdentifier: true,
    DBClusterArn: true,
    Status: true,
    ClusterCreateTime: true,
    TagList: true,
  },
});

export const rdsClusters: Lister = {
  type: "rds:cluster",
  actions: ["rds:DescribeDBClusters"],
  async list(ctx) {
    const rds = ctx.scan.clients.get(RDSClient, ctx.region);
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        rds.send(page(new DescribeDBClustersCommand({ MaxRecords: 100, Marker })), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const cluster of page.DBClusters ?? []) {
          if (!cluster.DBClusterIdentifier) continue;
          ctx.emit({
            arn: cluster.DBClusterArn ?? arnOf("rds", ctx, `cluster:${cluster.DBClusterIdentifier}`),
            id: cluster.DBClusterIdentifier,
            type: "rds:cluster",
            region: ctx.region,
            state: cluster.Status ?? null,
            created_at: isoOrNull(cluster.ClusterCreateTime),
            tags: tagsFromList(cluster.TagList),
          });
        }
      },
    );
  },
};
