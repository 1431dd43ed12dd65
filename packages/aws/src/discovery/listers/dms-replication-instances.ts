// dms:rep (DMS replication instances): DescribeReplicationInstances (100 a page, by Marker) carries
// each instance's ARN, status and creation time but no tags. Instances the Tagging walk returned are
// known with their tags, the others have none; only when the walk failed are tags read, with
// ListTagsForResource over a ResourceArnList of up to 20 instances a call (DMS documents no limit;
// 20 keeps a call small). One ARN deleted since the describe fails its whole batch, so that batch
// is retried one ARN at a time and the deleted one is dropped. The ARN names the instance by a
// generated resource id, so it is taken from the answer, never built.
import {
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-database-migration-service";
import { isoOrNull } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, Lister, ListerContext } from "./types";

const BATCH = 20;

async function tagsOf(
  ctx: ListerContext,
  dms: DatabaseMigrationServiceClient,
  arns: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const tags = new Map<string, Record<string, string>>();
  const read = (ResourceArnList: string[]) =>
    unlessGone(
      ctx.scan.call(ctx.region, "item", (abortSignal) =>
        dms.send(new ListTagsForResourceCommand({ ResourceArnList }), { abortSignal }),
      ),
    );
  const keep = (batch: string[], out: Awaited<ReturnType<typeof read>>) => {
    if (!out) return;
    for (const arn of batch) tags.set(arn, {});
    for (const { ResourceArn, Key, Value } of out.TagList ?? []) {
      const own = ResourceArn ? tags.get(ResourceArn) : undefined;
      if (own && Key !== undefined) own[Key] = Value ?? "";
    }
  };
  const batches: string[][] = [];
  for (let i = 0; i < arns.length; i += BATCH) batches.push(arns.slice(i, i + BATCH));
  await forEachItem(batches, async (batch) => {
    const out = await read(batch);
    if (out || batch.length === 1) return keep(batch, out);
    await forEachItem(batch, async (arn) => keep([arn], await read([arn])));
  });
  return tags;
}

export const dmsReplicationInstances: Lister = {
  type: "dms:rep",
  actions: ["dms:DescribeReplicationInstances", "dms:ListTagsForResource"],
  async list(ctx) {
    const dms = ctx.scan.clients.get(DatabaseMigrationServiceClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        dms.send(new DescribeReplicationInstancesCommand({ MaxRecords: 100, Marker }), { abortSignal }),
      (page) => page.Marker,
      (page) => {
        for (const rep of page.ReplicationInstances ?? []) {
          const arn = rep.ReplicationInstanceArn;
          if (!arn || !rep.ReplicationInstanceIdentifier) continue;
          // An instance being deleted still lists; it is going, not untagged.
          if (rep.ReplicationInstanceStatus === "deleting") {
            ctx.exclude(arn);
            continue;
          }
          found.push({
            arn,
            // The short id core reads from the ARN (rep:<id>), so the walk's entry and this one agree.
            id: arn.slice(arn.lastIndexOf(":") + 1),
            type: "dms:rep",
            region: ctx.region,
            state: rep.ReplicationInstanceStatus ?? null,
            created_at: isoOrNull(rep.InstanceCreateTime),
          });
        }
      },
    );
    const tagged = await ctx.taggedLookup();
    if (tagged) {
      for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
      return;
    }
    const read = await tagsOf(
      ctx,
      dms,
      found.map((r) => r.arn),
    );
    for (const r of found) {
      const tags = read.get(r.arn);
      if (tags) ctx.emit({ ...r, tags });
    }
  },
};
