// ecs:service: ListServices for every cluster that has active services, then DescribeServices (at
// most 10 a call, tags included) for the services the Tagging walk did not return. The ones it
// returned are known with their tags already; all are described when the walk failed.
import { DescribeServicesCommand, ECSClient, ListServicesCommand } from "@aws-sdk/client-ecs";
import { isoOrNull, tagsFromEcs } from "../arn";
import { chunk, describedClusters } from "./ecs-shared";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

const DESCRIBE_LIMIT = 10;

async function serviceArns(ctx: ListerContext, ecs: ECSClient, cluster: string): Promise<string[]> {
  const arns: string[] = [];
  await eachPage(
    ctx,
    (nextToken, abortSignal) =>
      ecs.send(new ListServicesCommand({ cluster, maxResults: 100, nextToken }), { abortSignal }),
    (page) => page.nextToken,
    (page) => void arns.push(...(page.serviceArns ?? [])),
  );
  return arns;
}

export const ecsServices: Lister = {
  type: "ecs:service",
  describesUnwalked: true,
  actions: ["ecs:ListClusters", "ecs:DescribeClusters", "ecs:ListServices", "ecs:DescribeServices"],
  async list(ctx) {
    const ecs = ctx.scan.clients.get(ECSClient, ctx.region);
    // A cluster without active services has nothing to list (ListServices omits the others too).
    const clusters = (await describedClusters(ctx)).filter(
      (c) => c.clusterArn && c.activeServicesCount !== 0,
    );
    const taggedLookup = ctx.taggedLookup();
    await forEachItem(clusters, async ({ clusterArn: cluster = "" }) => {
      const arns = (await unlessGone(serviceArns(ctx, ecs, cluster))) ?? [];
      const tagged = await taggedLookup;
      const unknown = arns.filter((arn) => !tagged?.(arn));
      await forEachItem(chunk(unknown, DESCRIBE_LIMIT), async (services) => {
        const out = await unlessGone(
          ctx.scan.call(ctx.region, "item", (abortSignal) =>
            ecs.send(new DescribeServicesCommand({ cluster, services, include: ["TAGS"] }), { abortSignal }),
          ),
        );
        for (const service of out?.services ?? []) {
          if (!service.serviceArn || !service.serviceName) continue;
          ctx.emit({
            arn: service.serviceArn,
            id: service.serviceName,
            type: "ecs:service",
            region: ctx.region,
            state: service.status ?? null,
            created_at: isoOrNull(service.createdAt),
            tags: tagsFromEcs(service.tags),
          });
        }
      });
    });
  },
};
