// S3 objects: PutObject, GetObject and HeadObject, single-part, unversioned. Enough for publishing
// CloudFormation templates and reading them back with the real SDK.
import { createHash } from "node:crypto";
import { AwsError } from "../../errors";
import type { OpContext, OperationTable, OpInput, RawBody } from "../../protocol/operation";
import type { StoredObject } from "../../world/world";
import { objectArn, ownBucket } from "./access";

// What S3 stores when the uploader names no Content-Type.
const DEFAULT_CONTENT_TYPE = "binary/octet-stream";

function putObject(ctx: OpContext, input: OpInput): RawBody {
  const bucket = ownBucket(ctx, String(input.Bucket));
  const body = Buffer.isBuffer(input.Body) ? input.Body : Buffer.alloc(0);
  const stored: StoredObject = {
    body,
    contentType: typeof input.ContentType === "string" ? input.ContentType : DEFAULT_CONTENT_TYPE,
    etag: `"${createHash("md5").update(body).digest("hex")}"`,
    // HTTP dates have second precision; storing it so keeps Last-Modified stable across reads.
    lastModified: Math.floor(ctx.now / 1000) * 1000,
  };
  const objects = ctx.world.objects.get(bucket.id) ?? new Map<string, StoredObject>();
  objects.set(String(input.Key), stored);
  ctx.world.objects.set(bucket.id, objects);
  // Every bucket has SSE-S3 default encryption since January 2023, so S3 reports it on each write.
  return { raw: true, headers: { etag: stored.etag, "x-amz-server-side-encryption": "AES256" }, body: "" };
}

function findObject(ctx: OpContext, input: OpInput): StoredObject {
  const bucket = ownBucket(ctx, String(input.Bucket));
  const object = ctx.world.objects.get(bucket.id)?.get(String(input.Key));
  if (!object) throw new AwsError("NoSuchKey", "The specified key does not exist.", 404);
  return object;
}

function objectHeaders(object: StoredObject): Record<string, string> {
  return {
    etag: object.etag,
    "content-type": object.contentType,
    "content-length": String(object.body.length),
    "last-modified": new Date(object.lastModified).toUTCString(),
    "accept-ranges": "bytes",
    "x-amz-server-side-encryption": "AES256",
  };
}

export const objectOperations: OperationTable = {
  PutObject: {
    action: "s3:PutObject",
    resource: (_ctx, input) => objectArn(input.Bucket, input.Key),
    handle: putObject,
  },
  GetObject: {
    action: "s3:GetObject",
    resource: (_ctx, input) => objectArn(input.Bucket, input.Key),
    handle: (ctx, input): RawBody => {
      const object = findObject(ctx, input);
      return { raw: true, headers: objectHeaders(object), body: object.body };
    },
  },
  // HeadObject is authorized as s3:GetObject, as in AWS; the dispatcher drops the body of a HEAD.
  HeadObject: {
    action: "s3:GetObject",
    resource: (_ctx, input) => objectArn(input.Bucket, input.Key),
    handle: (ctx, input): RawBody => ({
      raw: true,
      headers: objectHeaders(findObject(ctx, input)),
      body: "",
    }),
  },
};
