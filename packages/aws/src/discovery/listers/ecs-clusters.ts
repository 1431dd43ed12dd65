// ecs:cluster: ListClusters, then DescribeClusters (up to 100 a call) with their tags.
import { tagsFromEcs } from "../arn";
import { describedClusters } from "./ecs-shared";
import type { Lister } from "./types";

export const ecsClusters: Lister = {
  type: "ecs:cluster",
  actions: ["ecs:ListClusters", "ecs:DescribeClusters"],
  async list(ctx) {
    for (const cluster of await describedClusters(ctx)) {
      if (!cluster.clusterArn || !cluster.clusterName) continue;
      ctx.emit({
        arn: cluster.clusterArn,
        id: cluster.clusterName,
        type: "ecs:cluster",
        region: ctx.region,
        state: cluster.status ?? null,
        created_at: null,
        tags: tagsFromEcs(cluster.tags),
      });
    }
  },
};
