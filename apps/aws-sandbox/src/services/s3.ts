// S3 (REST-XML, path-style addressing): ListBuckets, GetBucketTagging, GetBucketLocation.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput, XmlBody } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";

export function routeS3(request: IncomingSigned): { name: string; input: OpInput } | undefined {
  if (request.method !== "GET") return undefined;
  const segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0) return { name: "ListBuckets", input: { ...request.query } };
  if (segments.length !== 1) return undefined;
  const bucket = segments[0]!;
  if ("tagging" in request.query) return { name: "GetBucketTagging", input: { Bucket: bucket } };
  if ("location" in request.query) return { name: "GetBucketLocation", input: { Bucket: bucket } };
  return undefined;
}

/** Bucket names are global: a bucket of another account exists but is not ours to read. */
function findBucket(ctx: OpContext, name: string): Resource {
  const own = ctx.account.resources.find((r) => r.type === "s3:bucket" && r.id === name);
  if (own) return own;
  for (const account of ctx.world.accounts.values()) {
    if (account.resources.some((r) => r.type === "s3:bucket" && r.id === name)) {
      throw new AwsError("AccessDenied", "Access Denied", 403);
    }
  }
  throw new AwsError("NoSuchBucket", "The specified bucket does not exist", 404);
}

function listBuckets(ctx: OpContext, input: OpInput): XmlBody {
  const buckets = ctx.account.resources
    .filter((r) => r.type === "s3:bucket")
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const max = input["max-buckets"] === undefined ? 10_000 : Number(input["max-buckets"]);
  if (!Number.isInteger(max) || max < 1 || max > 10_000) {
    throw new AwsError("InvalidArgument", "max-buckets must be an integer between 1 and 10000");
  }
  const token = typeof input["continuation-token"] === "string" ? input["continuation-token"] : undefined;
  const result = page(buckets, {
    token,
    size: max,
    scope: ctx.account.id,
    code: "InvalidArgument",
    param: "continuation-token",
  });
  return {
    root: "ListAllMyBucketsResult",
    body: {
      Owner: { ID: `owner-${ctx.account.id}`, DisplayName: ctx.account.name || ctx.account.id },
      Buckets: {
        Bucket: result.items.map((b) => ({
          Name: b.id,
          CreationDate: b.created_at ?? "2025-01-01T00:00:00.000Z",
          BucketRegion: b.region,
        })),
      },
      ...(result.next ? { ContinuationToken: result.next } : {}),
    },
  };
}

export const s3: OperationTable = {
  ListBuckets: { action: "s3:ListAllMyBuckets", handle: listBuckets },
  GetBucketTagging: {
    action: "s3:GetBucketTagging",
    handle: (ctx, input): XmlBody => {
      const bucket = findBucket(ctx, String(input.Bucket));
      const tags = Object.entries(bucket.tags);
      if (!tags.length) throw new AwsError("NoSuchTagSet", "The TagSet does not exist", 404);
      return { root: "Tagging", body: { TagSet: { Tag: tags.map(([Key, Value]) => ({ Key, Value })) } } };
    },
  },
  GetBucketLocation: {
    action: "s3:GetBucketLocation",
    handle: (ctx, input): XmlBody => {
      const bucket = findBucket(ctx, String(input.Bucket));
      // us-east-1 is reported as an empty LocationConstraint, as S3 has always done.
      return {
        root: "LocationConstraint",
        body: { "#text": bucket.region === "us-east-1" ? "" : bucket.region },
      };
    },
  },
};
