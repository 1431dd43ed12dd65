// firehose:deliverystream: ListDeliveryStreams (names only, alphabetical, continued after the last
// name), then DescribeDeliveryStream for each stream the Tagging walk did not return (it has no
// tag; describing gives its status and creation time, and a stream being deleted is excluded).
// Streams the walk returned are known with their tags. When the walk failed, every stream is
// described and its tags read with ListTagsForDeliveryStream (50 a page, by ExclusiveStartTagKey).
import {
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  ListDeliveryStreamsCommand,
  ListTagsForDeliveryStreamCommand,
} from "@aws-sdk/client-firehose";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

const GOING = new Set(["DELETING", "DELETING_FAILED"]);

async function tagsOf(ctx: ListerContext, firehose: FirehoseClient, DeliveryStreamName: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (ExclusiveStartTagKey, abortSignal) =>
      firehose.send(
        new ListTagsForDeliveryStreamCommand({ DeliveryStreamName, ExclusiveStartTagKey, Limit: 50 }),
        { abortSignal },
      ),
    (page) => (page.HasMoreTags ? page.Tags?.at(-1)?.Key : undefined),
    (page) => void Object.assign(tags, tagsFromList(page.Tags)),
  );
  return tags;
}

export const firehoseDeliveryStreams: Lister = {
  type: "firehose:deliverystream",
  describesUnwalked: true,
  actions: [
    "firehose:ListDeliveryStreams",
    "firehose:DescribeDeliveryStream",
    "firehose:ListTagsForDeliveryStream",
  ],
  async list(ctx) {
    const firehose = ctx.scan.clients.get(FirehoseClient, ctx.region);
    const names: string[] = [];
    await eachPage(
      ctx,
      (ExclusiveStartDeliveryStreamName, abortSignal) =>
        firehose.send(new ListDeliveryStreamsCommand({ Limit: 10000, ExclusiveStartDeliveryStreamName }), {
          abortSignal,
        }),
      (page) => (page.HasMoreDeliveryStreams ? page.DeliveryStreamNames?.at(-1) : undefined),
      (page) => void names.push(...(page.DeliveryStreamNames ?? [])),
    );
    const tagged = await ctx.taggedLookup();
    const arnFor = (name: string) => arnOf("firehose", ctx, `deliverystream/${name}`);
    const unknown = names.filter((name) => !tagged?.(arnFor(name)));
    await forEachItem(unknown, async (DeliveryStreamName) => {
      const out = await unlessGone(
        ctx.scan.call(ctx.region, "item", (abortSignal) =>
          firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName }), { abortSignal }),
        ),
      );
      const stream = out?.DeliveryStreamDescription;
      if (!stream) return;
      const arn = stream.DeliveryStreamARN ?? arnFor(DeliveryStreamName);
      if (GOING.has(stream.DeliveryStreamStatus ?? "")) return ctx.exclude(arn);
      const tags = tagged ? {} : await unlessGone(tagsOf(ctx, firehose, DeliveryStreamName));
      if (!tags) return;
      ctx.emit({
        arn,
        id: DeliveryStreamName,
        type: "firehose:deliverystream",
        region: ctx.region,
        state: stream.DeliveryStreamStatus ?? null,
        created_at: isoOrNull(stream.CreateTimestamp),
        tags,
      });
    });
  },
};
