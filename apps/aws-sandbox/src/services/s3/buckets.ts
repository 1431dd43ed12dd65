// CreateBucket and HeadBucket. A created bucket is an s3:bucket resource of the caller's account,
// so ListBuckets, GetBucketLocation and the tag scanners see it like a seeded one.
import { AwsError } from "../../errors";
import type { OpContext, OperationTable, OpInput, RawBody } from "../../protocol/operation";
import { bucketArn, ownBucket } from "./access";

// S3's general-purpose bucket naming rules, minus the IP-address and reserved-prefix cases.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function locationConstraint(body: unknown): string | undefined {
  if (!Buffer.isBuffer(body) || !body.length) return undefined;
  return /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(body.toString("utf8"))?.[1] || undefined;
}

function createBucket(ctx: OpContext, input: OpInput): RawBody {
  const name = String(input.Bucket);
  if (!BUCKET_NAME.test(name) || name.includes("..")) {
    throw new AwsError("InvalidBucketName", "The specified bucket is not valid.", 400);
  }
  const region = locationConstraint(input.Body) ?? "us-east-1";
  // Outside us-east-1 the request must name the endpoint's region, as S3 insists.
  if (region !== ctx.region) {
    throw new AwsError(
      "IllegalLocationConstraintException",
      region === "us-east-1"
        ? `The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.`
        : `The ${region} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    );
  }
  const existing = ctx.world.findBucket(name);
  if (existing && existing.account_id !== ctx.identity.accountId) {
    throw new AwsError(
      "BucketAlreadyExists",
      "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
      409,
    );
  }
  // us-east-1 answers 200 to a repeated CreateBucket by the owner; other regions answer 409.
  if (existing && region !== "us-east-1") {
    throw new AwsError(
      "BucketAlreadyOwnedByYou",
      "Your previous request to create the named bucket succeeded and you already own it.",
      409,
    );
  }
  if (!existing) {
    ctx.world.addResource(ctx.identity.accountId, {
      type: "s3:bucket",
      region,
      id: name,
      tags: {},
      attributes: {},
      created_at: new Date(ctx.now).toISOString(),
    });
  }
  return { raw: true, headers: { location: `/${name}` }, body: "" };
}

export const bucketOperations: OperationTable = {
  CreateBucket: {
    action: "s3:CreateBucket",
    resource: (_ctx, input) => bucketArn(input.Bucket),
    handle: createBucket,
  },
  // HeadBucket is authorized as s3:ListBucket, as in AWS.
  HeadBucket: {
    action: "s3:ListBucket",
    resource: (_ctx, input) => bucketArn(input.Bucket),
    handle: (ctx, input): RawBody => {
      const bucket = ownBucket(ctx, String(input.Bucket));
      return { raw: true, headers: { "x-amz-bucket-region": bucket.region }, body: "" };
    },
  },
};
