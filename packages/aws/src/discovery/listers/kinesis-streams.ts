// kinesis:stream: ListStreams' StreamSummaries carry each stream's ARN, status and creation time,
// so no call per stream; tags come from the Tagging walk, or ListTagsForStream (paginated by
// ExclusiveStartTagKey) when it failed.
import {
  KinesisClient,
  ListStreamsCommand,
  ListTagsForStreamCommand,
  type StreamSummary,
} from "@aws-sdk/client-kinesis";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { SdkClientConfig } from "../../config";
import { arnOf, isoOrNull, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

/**
 * The Kinesis client defaults to HTTP/2, which only SubscribeToShard needs; list calls go over
 * HTTP/1.1 like every other client here (and the sandbox speaks only HTTP/1.1). The shared HTTP/1.1
 * handler of sdkClientConfig is exactly that, when the config carries it.
 */
export class KinesisHttp1Client extends KinesisClient {
  constructor(config: SdkClientConfig) {
    super({ ...config, requestHandler: config.requestHandler ?? new NodeHttpHandler() });
  }
}

async function tagsOf(ctx: ListerContext, kinesis: KinesisClient, StreamARN: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (ExclusiveStartTagKey, abortSignal) =>
      kinesis.send(new ListTagsForStreamCommand({ StreamARN, ExclusiveStartTagKey, Limit: 50 }), {
        abortSignal,
      }),
    (page) => (page.HasMoreTags ? page.Tags?.at(-1)?.Key : undefined),
    (page) => void Object.assign(tags, tagsFromList(page.Tags)),
  );
  return tags;
}

export const kinesisStreams: Lister = {
  type: "kinesis:stream",
  actions: ["kinesis:ListStreams", "kinesis:ListTagsForStream"],
  async list(ctx) {
    const kinesis = ctx.scan.clients.get(KinesisHttp1Client, ctx.region);
    const found: StreamSummary[] = [];
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        kinesis.send(new ListStreamsCommand({ Limit: 100, NextToken }), { abortSignal }),
      (page) => (page.HasMoreStreams ? page.NextToken : undefined),
      (page) => void found.push(...(page.StreamSummaries ?? []).filter((s) => s.StreamName)),
    );
    const tagged = await ctx.taggedLookup();
    await forEachItem(found, async (stream) => {
      const name = stream.StreamName ?? "";
      const arn = stream.StreamARN ?? arnOf("kinesis", ctx, `stream/${name}`);
      const tags = tagged ? (tagged(arn) ? undefined : {}) : await unlessGone(tagsOf(ctx, kinesis, arn));
      // Without the walk, a stream ListTagsForStream no longer finds was deleted meanwhile.
      if (!tagged && !tags) return;
      ctx.emit({
        arn,
        id: name,
        type: "kinesis:stream",
        region: ctx.region,
        state: stream.StreamStatus ?? null,
        created_at: isoOrNull(stream.StreamCreationTimestamp),
        ...(tags ? { tags } : {}),
      });
    });
  },
};
