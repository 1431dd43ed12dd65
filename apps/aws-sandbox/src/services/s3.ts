// S3 (REST-XML, path-style and virtual-hosted addressing): ListBuckets, bucket tags and location;
// buckets and objects are in ./s3/.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput, XmlBody } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { ownBucket } from "./s3/access";
import { bucketOperations } from "./s3/buckets";
import { objectOperations } from "./s3/objects";

export { routeS3 } from "./s3/route";

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
  ...bucketOperations,
  ...objectOperations,
  ListBuckets: { action: "s3:ListAllMyBuckets", handle: listBuckets },
  GetBucketTagging: {
    action: "s3:GetBucketTagging",
    handle: (ctx, input): XmlBody => {
      const bucket = ownBucket(ctx, String(input.Bucket));
      const tags = Object.entries(bucket.tags);
      if (!tags.length) throw new AwsError("NoSuchTagSet", "The TagSet does not exist", 404);
      return { root: "Tagging", body: { TagSet: { Tag: tags.map(([Key, Value]) => ({ Key, Value })) } } };
    },
  },
  GetBucketLocation: {
    action: "s3:GetBucketLocation",
    handle: (ctx, input): XmlBody => {
      const bucket = ownBucket(ctx, String(input.Bucket));
      // us-east-1 is reported as an empty LocationConstraint, as S3 has always done.
      return {
        root: "LocationConstraint",
        body: { "#text": bucket.region === "us-east-1" ? "" : bucket.region },
      };
    },
  },
};
