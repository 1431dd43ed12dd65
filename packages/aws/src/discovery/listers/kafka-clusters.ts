// kafka:cluster (Amazon MSK, provisioned and serverless). ListClustersV2 carries every cluster's
// ARN, state, creation time and tags inline, so one paginated walk finds untagged clusters and reads
// tags without a call per cluster. The ARN ends in a UUID and revision only AWS knows; it is taken
// from the answer, never built.
import { KafkaClient, ListClustersV2Command } from "@aws-sdk/client-kafka";
import { isoOrNull } from "../arn";
import { eachPage } from "./paginate";
import type { Lister } from "./types";

export const kafkaClusters: Lister = {
  type: "kafka:cluster",
  actions: ["kafka:ListClustersV2"],
  async list(ctx) {
    const kafka = ctx.scan.clients.get(KafkaClient, ctx.region);
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        kafka.send(new ListClustersV2Command({ MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => {
        for (const cluster of page.ClusterInfoList ?? []) {
          const arn = cluster.ClusterArn;
          if (!arn || !cluster.ClusterName) continue;
          // A cluster being deleted still lists; it is going, not untagged.
          if (cluster.State === "DELETING") {
            ctx.exclude(arn);
            continue;
          }
          ctx.emit({
            arn,
            id: cluster.ClusterName,
            type: "kafka:cluster",
            region: ctx.region,
            state: cluster.State ?? null,
            created_at: isoOrNull(cluster.CreationTime),
            tags: { ...cluster.Tags },
          });
        }
      },
    );
  },
};
