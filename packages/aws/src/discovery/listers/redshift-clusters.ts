// redshift:cluster. DescribeClusters carries every cluster's Tags inline, so one paginated walk
// (100 a page, the most Redshift allows) finds untagged clusters and reads tags without a call per
// cluster. Its answer holds no cluster ARN; AWS writes it cluster:<id>, with a colon.
import { DescribeClustersCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const redshiftClusters: Lister = {
  type: "redshift:cluster",
  actions: ["redshift:DescribeClusters"],
  async list(ctx) {
    const redshift = ctx.scan.clients.get(RedshiftClient, ctx.region);
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        redshift.send(new DescribeClustersCommand({ MaxRecords: 100, Marker }), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const cluster of page.Clusters ?? []) {
          const id = cluster.ClusterIdentifier;
          if (!id) continue;
          const arn = arnOf("redshift", ctx, `cluster:${id}`);
          // A cluster being deleted stops billing compute; it is going, not untagged.
          if (cluster.ClusterStatus === "deleting") {
            ctx.exclude(arn);
            continue;
          }
          ctx.emit({
            arn,
            id,
            type: "redshift:cluster",
            region: ctx.region,
            state: cluster.ClusterStatus ?? null,
            created_at: isoOrNull(cluster.ClusterCreateTime),
            tags: tagsFromList(cluster.Tags),
          });
        }
      },
    );
  },
};
