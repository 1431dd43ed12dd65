// route53:hostedzone, a global type: ListHostedZones once (100 a page, marker/NextMarker), whose
// zones carry no tags. The us-east-1 Tagging walk vouches for tagged zones; when it did not run or
// failed, ListTagsForResources reads them 10 zones a call. Zone ARNs carry no account: the zones
// are the ones ListHostedZones answers for the scanned account's own session, and the merge
// attributes them to that account.
import {
  type HostedZone,
  ListHostedZonesCommand,
  ListTagsForResourcesCommand,
  Route53Client,
} from "@aws-sdk/client-route-53";
import { partitionOf, tagsFromList } from "../arn";
import { globalSigningRegion, globalTaggedLookup } from "./global-services";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

const BATCH = 10;

/**
 * Tags of `ids`, 10 a call. A zone deleted since the list fails its whole batch (NoSuchHostedZone),
 * so that batch is read again one zone at a time and the deleted one is left out.
 */
async function zoneTags(ctx: ListerContext, route53: Route53Client, ids: readonly string[]) {
  const tags = new Map<string, Record<string, string>>();
  const read = (ResourceIds: string[]) =>
    unlessGone(
      ctx.scan.call(ctx.region, "item", (abortSignal) =>
        route53.send(new ListTagsForResourcesCommand({ ResourceType: "hostedzone", ResourceIds }), {
          abortSignal,
        }),
      ),
    );
  const keep = (out: Awaited<ReturnType<typeof read>>) => {
    for (const set of out?.ResourceTagSets ?? [])
      if (set.ResourceId) tags.set(set.ResourceId, tagsFromList(set.Tags));
  };
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  await forEachItem(batches, async (batch) => {
    const out = await read(batch);
    if (out || batch.length === 1) return keep(out);
    await forEachItem(batch, async (id) => keep(await read([id])));
  });
  return tags;
}

export const route53HostedZones: Lister = {
  type: "route53:hostedzone",
  actions: ["route53:ListHostedZones", "route53:ListTagsForResources"],
  async list(ctx) {
    const route53 = ctx.scan.clients.get(Route53Client, globalSigningRegion(ctx.region));
    const zones: HostedZone[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        route53.send(new ListHostedZonesCommand({ MaxItems: 100, Marker }), { abortSignal }),
      (page) => (page.IsTruncated ? page.NextMarker : undefined),
      (page) => void zones.push(...(page.HostedZones ?? []).filter((z) => z.Id)),
    );
    // ListHostedZones answers "/hostedzone/<id>"; the ARN and the tag calls use the bare id.
    const ids = zones.map((z) => (z.Id ?? "").replace(/^\/hostedzone\//, ""));
    const partition = partitionOf(ctx.region);
    const arnOfZone = (id: string) => `arn:${partition}:route53:::hostedzone/${id}`;
    const tagged = await globalTaggedLookup(ctx);
    const read = tagged ? undefined : await zoneTags(ctx, route53, ids);
    for (const id of ids) {
      const arn = arnOfZone(id);
      const tags = tagged ? (tagged(arn) ? undefined : {}) : read?.get(id);
      if (!tagged && !tags) continue;
      ctx.emit({
        arn,
        id,
        type: "route53:hostedzone",
        region: "global",
        state: null,
        created_at: null,
        ...(tags ? { tags } : {}),
      });
    }
  },
};
