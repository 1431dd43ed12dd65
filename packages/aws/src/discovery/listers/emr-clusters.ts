// emr:cluster. ListClusters, filtered to the states that run (and bill) instances, gives each
// cluster's ARN, state and creation time. Terminated clusters stay listed for two months and are
// not reported: the ones the Tagging walk returned are excluded. Tags: a cluster the walk returned
// is known with its tags, one it did not has none; only when the walk failed is each live cluster
// described (DescribeCluster carries the tags; ListClusters does not).
import {
  type ClusterState,
  DescribeClusterCommand,
  EMRClient,
  ListClustersCommand,
} from "@aws-sdk/client-emr";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister } from "./types";

const LIVE: ClusterState[] = ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"];

export const emrClusters: Lister = {
  type: "emr:cluster",
  actions: ["elasticmapreduce:ListClusters", "elasticmapreduce:DescribeCluster"],
  async list(ctx) {
    const emr = ctx.scan.clients.get(EMRClient, ctx.region);
    const live: ListedResource[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        emr.send(new ListClustersCommand({ ClusterStates: LIVE, Marker }), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const cluster of page.Clusters ?? []) {
          if (!cluster.Id) continue;
          live.push({
            arn: cluster.ClusterArn ?? arnOf("elasticmapreduce", ctx, `cluster/${cluster.Id}`),
            id: cluster.Id,
            type: "emr:cluster",
            region: ctx.region,
            state: cluster.Status?.State ?? null,
            created_at: isoOrNull(cluster.Status?.Timeline?.CreationDateTime),
          });
        }
      },
    );
    const liveArns = new Set(live.map((c) => c.arn));
    const walked = await ctx.taggedArns("emr:cluster");
    for (const arn of walked ?? []) if (!liveArns.has(arn)) ctx.exclude(arn);
    const tagged = await ctx.taggedLookup();
    if (tagged) {
      for (const cluster of live) ctx.emit(tagged(cluster.arn) ? cluster : { ...cluster, tags: {} });
      return;
    }
    await forEachItem(live, async (cluster) => {
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          emr.send(new DescribeClusterCommand({ ClusterId: cluster.id }), { abortSignal }),
        ),
      );
      if (!out?.Cluster) return;
      ctx.emit({ ...cluster, tags: tagsFromList(out.Cluster.Tags) });
    });
  },
};
