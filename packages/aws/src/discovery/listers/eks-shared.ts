// The region's EKS cluster names, listed once per scan and shared by the cluster and node group
// listers.
import { EKSClient, ListClustersCommand } from "@aws-sdk/client-eks";
import { eachPage } from "./paginate";
import type { ListerContext } from "./types";

export function clusterNames(ctx: ListerContext): Promise<string[]> {
  return ctx.shared("eks:clusters", async () => {
    const eks = ctx.scan.clients.get(EKSClient, ctx.region);
    const names: string[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        eks.send(new ListClustersCommand({ maxResults: 100, nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => void names.push(...(page.clusters ?? [])),
    );
    return names;
  });
}
