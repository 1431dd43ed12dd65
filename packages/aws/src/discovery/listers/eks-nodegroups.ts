// eks:nodegroup: ListNodegroups for every cluster (the cluster list is shared with eks:cluster),
// then DescribeNodegroup, which carries the tags and the ARN (it ends in a UUID no list call
// gives), for each node group the Tagging walk did not return. The walk's node groups are matched
// by cluster and name and are known with their tags; all are described when the walk failed.
// Node groups being deleted are excluded.
import { DescribeNodegroupCommand, EKSClient, ListNodegroupsCommand } from "@aws-sdk/client-eks";
import { isoOrNull } from "../arn";
import { clusterNames } from "./eks-shared";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

async function nodegroupNames(ctx: ListerContext, eks: EKSClient, clusterName: string): Promise<string[]> {
  const names: string[] = [];
  await eachPage(
    ctx,
    (nextToken, abortSignal) =>
      eks.send(new ListNodegroupsCommand({ clusterName, maxResults: 100, nextToken }), { abortSignal }),
    (page) => page.nextToken,
    (page) => void names.push(...(page.nodegroups ?? [])),
  );
  return names;
}

/** "<cluster>/<name>" of a node group ARN (…:nodegroup/<cluster>/<name>/<uuid>). */
const clusterAndName = (arn: string) => /:nodegroup\/([^/]+\/[^/]+)\/[^/]+$/.exec(arn)?.[1];

export const eksNodegroups: Lister = {
  type: "eks:nodegroup",
  describesUnwalked: true,
  actions: ["eks:ListClusters", "eks:ListNodegroups", "eks:DescribeNodegroup"],
  async list(ctx) {
    const eks = ctx.scan.clients.get(EKSClient, ctx.region);
    const walked = ctx.taggedArns("eks:nodegroup");
    await forEachItem(await clusterNames(ctx), async (clusterName) => {
      // A cluster deleted since ListClusters has no node groups left to list.
      const names = (await unlessGone(nodegroupNames(ctx, eks, clusterName))) ?? [];
      const known = new Set((await walked)?.map(clusterAndName));
      const unknown = names.filter((name) => !known.has(`${clusterName}/${name}`));
      await forEachItem(unknown, async (nodegroupName) => {
        const out = await unlessGone(
          ctx.scan.call(ctx.region, "item", (abortSignal) =>
            eks.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }), { abortSignal }),
          ),
        );
        const nodegroup = out?.nodegroup;
        if (!nodegroup?.nodegroupArn) return;
        if (nodegroup.status === "DELETING") {
          ctx.exclude(nodegroup.nodegroupArn);
          return;
        }
        ctx.emit({
          arn: nodegroup.nodegroupArn,
          id: nodegroupName,
          type: "eks:nodegroup",
          region: ctx.region,
          state: nodegroup.status ?? null,
          created_at: isoOrNull(nodegroup.createdAt),
          tags: { ...nodegroup.tags },
        });
      });
    });
  },
};
