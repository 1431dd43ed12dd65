// eks:cluster: ListClusters (names only), then DescribeCluster, which carries the tags, for each
// cluster the Tagging walk did not return (it has no tag; describing gives its status and
// creation time). Clusters the walk returned are known with their tags; every cluster is
// described when the walk failed.
import { DescribeClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import { arnOf, isoOrNull } from "../arn";
import { clusterNames } from "./eks-shared";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { Lister } from "./types";

export const eksClusters: Lister = {
  type: "eks:cluster",
  describesUnwalked: true,
  actions: ["eks:ListClusters", "eks:DescribeCluster"],
  async list(ctx) {
    const eks = ctx.scan.clients.get(EKSClient, ctx.region);
    const names = await clusterNames(ctx);
    const tagged = await ctx.taggedLookup();
    const unknown = names.filter((name) => !tagged?.(arnOf("eks", ctx, `cluster/${name}`)));
    await forEachItem(unknown, async (name) => {
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          eks.send(new DescribeClusterCommand({ name }), { abortSignal }),
        ),
      );
      const cluster = out?.cluster;
      if (!cluster) return;
      ctx.emit({
        arn: cluster.arn ?? arnOf("eks", ctx, `cluster/${name}`),
        id: name,
        type: "eks:cluster",
        region: ctx.region,
        state: cluster.status ?? null,
        created_at: isoOrNull(cluster.createdAt),
        tags: { ...cluster.tags },
      });
    });
  },
};
