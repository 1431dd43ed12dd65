// Amazon Data Firehose (JSON 1.1, Firehose_20150804): ListDeliveryStreams (names in alphabetical
// order, Limit 1-10000, default 10, continued by ExclusiveStartDeliveryStreamName), DescribeDeliveryStream
// (status and creation time) and ListTagsForDeliveryStream (Limit 1-50, ExclusiveStartTagKey,
// HasMoreTags), for the caller's streams in the signed region. Shapes and the not-found message as
// the Firehose API Reference gives them and moto 5.2 answers.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import type { Resource } from "../world/world";
import { attr, createdAt, epochSeconds, optionalString, regional, stableHex } from "./common";

const STREAM = "firehose:deliverystream";
const TYPES = ["DirectPut", "KinesisStreamAsSource", "MSKAsSource", "DatabaseAsSource"];
const validation = (message: string) => new AwsError("ValidationException", message);

function limit(input: OpInput, field: string, max: number, fallback: number): number {
  const raw = input.Limit;
  if (raw === undefined || raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const bound = value < 1 ? "greater than or equal to 1" : `less than or equal to ${max}`;
    throw validation(
      `1 validation error detected: Value '${String(raw)}' at '${field}' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

const streamType = (r: Resource) => attr(r, "DeliveryStreamType", "DirectPut");

function listDeliveryStreams(ctx: OpContext, input: OpInput) {
  const size = limit(input, "limit", 10000, 10);
  const type = optionalString(input, "DeliveryStreamType");
  if (type && !TYPES.includes(type))
    throw validation(
      `1 validation error detected: Value '${type}' at 'deliveryStreamType' failed to satisfy constraint: Member must satisfy enum value set: [${TYPES.join(", ")}]`,
    );
  const start = optionalString(input, "ExclusiveStartDeliveryStreamName");
  const streams = regional(ctx, STREAM).filter(
    (s) => (!type || streamType(s) === type) && (start === undefined || s.id > start),
  );
  return {
    DeliveryStreamNames: streams.slice(0, size).map((s) => s.id),
    HasMoreDeliveryStreams: streams.length > size,
  };
}

function findStream(ctx: OpContext, input: OpInput): Resource {
  const name = optionalString(input, "DeliveryStreamName") ?? "";
  const stream = regional(ctx, STREAM).find((s) => s.id === name);
  if (!stream)
    throw new AwsError(
      "ResourceNotFoundException",
      `Firehose ${name} under account ${ctx.account.id} not found.`,
    );
  return stream;
}

function describeDeliveryStream(ctx: OpContext, input: OpInput) {
  const r = findStream(ctx, input);
  const created = epochSeconds(createdAt(r));
  return {
    DeliveryStreamDescription: {
      DeliveryStreamName: r.id,
      DeliveryStreamARN: r.arn,
      DeliveryStreamStatus: r.state ?? "ACTIVE",
      DeliveryStreamType: streamType(r),
      VersionId: "1",
      CreateTimestamp: created,
      LastUpdateTimestamp: created,
      Destinations: [
        {
          DestinationId: "destinationId-000000000001",
          ExtendedS3DestinationDescription: {
            RoleARN: `arn:aws:iam::${r.account_id}:role/firehose-${r.id}`,
            BucketARN: attr(r, "BucketARN", `arn:aws:s3:::firehose-${stableHex(r.arn, 8)}`),
            BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 },
            CompressionFormat: "UNCOMPRESSED",
            EncryptionConfiguration: { NoEncryptionConfig: "NoEncryption" },
          },
        },
      ],
      HasMoreDestinations: false,
    },
  };
}

function listTagsForDeliveryStream(ctx: OpContext, input: OpInput) {
  const stream = findStream(ctx, input);
  const size = limit(input, "limit", 50, 50);
  const start = optionalString(input, "ExclusiveStartTagKey");
  const keys = Object.keys(stream.tags).sort();
  const rest = start === undefined ? keys : keys.filter((k) => k > start);
  return {
    Tags: rest.slice(0, size).map((Key) => ({ Key, Value: stream.tags[Key] ?? "" })),
    HasMoreTags: rest.length > size,
  };
}

export const firehose: OperationTable = {
  ListDeliveryStreams: { action: "firehose:ListDeliveryStreams", handle: listDeliveryStreams },
  DescribeDeliveryStream: { action: "firehose:DescribeDeliveryStream", handle: describeDeliveryStream },
  ListTagsForDeliveryStream: {
    action: "firehose:ListTagsForDeliveryStream",
    handle: listTagsForDeliveryStream,
  },
};
