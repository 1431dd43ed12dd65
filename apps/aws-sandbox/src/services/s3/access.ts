// Whose bucket a request names. Bucket names are global: another account's bucket exists but is
// not the caller's to use (no bucket policies are emulated), so it answers AccessDenied, while a
// name nobody owns answers NoSuchBucket, as S3 does.
import { AwsError } from "../../errors";
import type { OpContext } from "../../protocol/operation";
import type { Resource } from "../../world/world";

export function ownBucket(ctx: OpContext, name: string): Resource {
  const bucket = ctx.world.findBucket(name);
  if (!bucket) throw new AwsError("NoSuchBucket", "The specified bucket does not exist", 404);
  if (bucket.account_id !== ctx.identity.accountId) throw new AwsError("AccessDenied", "Access Denied", 403);
  return bucket;
}

export const objectArn = (bucket: unknown, key: unknown) => `arn:aws:s3:::${String(bucket)}/${String(key)}`;
export const bucketArn = (bucket: unknown) => `arn:aws:s3:::${String(bucket)}`;
