// Kinesis Data Streams (JSON 1.1, Kinesis_20131202): ListStreams (StreamNames and StreamSummaries,
// ExclusiveStartStreamName or NextToken) and ListTagsForStream (ExclusiveStartTagKey/HasMoreTags),
// for the caller's streams in the signed region.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { decodeToken, encodeToken } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "./common";

const STREAM = "kinesis:stream";
const STREAM_ARN = /^arn:aws[a-z-]*:kinesis:[a-z0-9-]+:(\d{12}):stream\/([a-zA-Z0-9_.-]{1,128})$/;
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

const summary = (r: Resource) => ({
  StreamName: r.id,
  StreamARN: r.arn,
  StreamStatus: r.state ?? "ACTIVE",
  StreamModeDetails: { StreamMode: attr(r, "StreamMode", "PROVISIONED") },
  StreamCreationTimestamp: epochSeconds(createdAt(r)),
});

function listStreams(ctx: OpContext, input: OpInput) {
  // More than 100 may be asked for; at most 100 come back, as the API reference says.
  const size = Math.min(limit(input, "limit", 10000, 100), 100);
  const token = optionalString(input, "NextToken");
  const start = optionalString(input, "ExclusiveStartStreamName");
  if (token && start)
    throw new AwsError(
      "InvalidArgumentException",
      "NextToken and ExclusiveStartStreamName cannot be provided together.",
    );
  const streams = regional(ctx, STREAM);
  // Tokens hold offsets into the whole list, so a walk begun by name continues by token.
  const scope = pageScope(ctx, "ListStreams", input, ["NextToken", "Limit", "ExclusiveStartStreamName"]);
  const after = start === undefined ? -1 : streams.findIndex((s) => s.id > start);
  const offset =
    start === undefined
      ? decodeToken(token, scope, "ExpiredNextTokenException", "NextToken")
      : after < 0
        ? streams.length
        : after;
  const items = streams.slice(offset, offset + size);
  const end = offset + items.length;
  const result = { items, next: end < streams.length ? encodeToken(end, scope) : undefined };
  return {
    StreamNames: result.items.map((s) => s.id),
    HasMoreStreams: result.next !== undefined,
    ...(result.next ? { NextToken: result.next } : {}),
    StreamSummaries: result.items.map(summary),
  };
}

/** A stream by name or ARN; another account's ARN is denied before the service looks. */
function findStream(ctx: OpContext, input: OpInput): Resource {
  const arn = optionalString(input, "StreamARN");
  let name = optionalString(input, "StreamName");
  if (arn) {
    const match = STREAM_ARN.exec(arn);
    if (!match)
      throw validation(
        `1 validation error detected: Value '${arn}' at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern`,
      );
    if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "kinesis:ListTagsForStream", arn);
    name = match[2];
  }
  if (!name)
    throw new AwsError("InvalidArgumentException", "Either StreamName or StreamARN should be provided.");
  const stream = regional(ctx, STREAM).find((s) => s.id === name && (!arn || s.arn === arn));
  if (!stream)
    throw new AwsError(
      "ResourceNotFoundException",
      `Stream ${name} under account ${ctx.account.id} not found.`,
    );
  return stream;
}

function listTagsForStream(ctx: OpContext, input: OpInput) {
  const stream = findStream(ctx, input);
  const size = limit(input, "limit", 50, 10);
  const start = optionalString(input, "ExclusiveStartTagKey");
  const keys = Object.keys(stream.tags).sort();
  const rest = start === undefined ? keys : keys.filter((k) => k > start);
  const items = rest.slice(0, size);
  return {
    Tags: items.map((Key) => ({ Key, Value: stream.tags[Key] ?? "" })),
    HasMoreTags: rest.length > size,
  };
}

export const kinesis: OperationTable = {
  ListStreams: { action: "kinesis:ListStreams", handle: listStreams },
  ListTagsForStream: { action: "kinesis:ListTagsForStream", handle: listTagsForStream },
};
