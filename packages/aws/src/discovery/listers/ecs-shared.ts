// The region's ECS clusters, listed and described once per scan (tags and service counts
// included) and shared by the cluster and service listers.
import { type Cluster, DescribeClustersCommand, ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { eachPage, forEachItem } from "./paginate";
import type { ListerContext } from "./types";

/** DescribeClusters takes at most 100 clusters a call. */
const DESCRIBE_LIMIT = 100;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function describedClusters(ctx: ListerContext): Promise<Cluster[]> {
  return ctx.shared("ecs:clusters", async () => {
    const ecs = ctx.scan.clients.get(ECSClient, ctx.region);
    const arns: string[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        ecs.send(new ListClustersCommand({ maxResults: 100, nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => void arns.push(...(page.clusterArns ?? [])),
    );
    const clusters: Cluster[] = [];
    await forEachItem(chunk(arns, DESCRIBE_LIMIT), async (batch) => {
      // Not a leaf: every cluster's ListServices chain waits for it, so it goes with the chains.
      const out = await ctx.scan.call(ctx.region, "next", (abortSignal) =>
        ecs.send(new DescribeClustersCommand({ clusters: batch, include: ["TAGS"] }), { abortSignal }),
      );
      // `failures` names clusters deleted since the list call: they are gone, not unreadable.
      clusters.push(...(out.clusters ?? []));
    });
    return clusters;
  });
}
