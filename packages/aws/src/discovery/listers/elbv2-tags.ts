// ELBv2 DescribeTags, shared by the load balancer and target group listers: up to 20 ARNs a call.
// One ARN deleted since the describe fails its whole batch, so that batch is retried one ARN at a
// time and the deleted one is dropped.
import {
  DescribeTagsCommand,
  type ElasticLoadBalancingV2Client,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { ListedResource, ListerContext } from "./types";

const BATCH = 20;

/**
 * Emits each resource: tags from the walk (absent), none ({}), or read here in batches when the walk
 * failed; a resource DescribeTags no longer knows was deleted meanwhile and is dropped.
 */
export async function emitWithTags(
  ctx: ListerContext,
  elb: ElasticLoadBalancingV2Client,
  found: readonly Omit<ListedResource, "tags">[],
): Promise<void> {
  const tagged = await ctx.taggedLookup();
  if (tagged) {
    for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
    return;
  }
  const read = await elbv2Tags(
    ctx,
    elb,
    found.map((r) => r.arn),
  );
  for (const r of found) {
    const tags = read.get(r.arn);
    if (tags) ctx.emit({ ...r, tags });
  }
}

async function elbv2Tags(
  ctx: ListerContext,
  elb: ElasticLoadBalancingV2Client,
  arns: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const tags = new Map<string, Record<string, string>>();
  const read = (ResourceArns: string[]) =>
    unlessGone(
      ctx.scan.call(ctx.region, "item", (abortSignal) =>
        elb.send(new DescribeTagsCommand({ ResourceArns }), { abortSignal }),
      ),
    );
  const keep = (out: Awaited<ReturnType<typeof read>>) => {
    for (const d of out?.TagDescriptions ?? [])
      if (d.ResourceArn) tags.set(d.ResourceArn, tagsFromList(d.Tags));
  };
  const batches: string[][] = [];
  for (let i = 0; i < arns.length; i += BATCH) batches.push(arns.slice(i, i + BATCH));
  await forEachItem(batches, async (batch) => {
    const out = await read(batch);
    if (out || batch.length === 1) return keep(out);
    await forEachItem(batch, async (arn) => keep(await read([arn])));
  });
  return tags;
}
