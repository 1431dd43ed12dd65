// s3:bucket, a global type: ListBuckets once, for every bucket of the account. Buckets live in a
// region, and the Tagging API returns each in its own region's walk, which then vouches for its
// tags. Where that walk failed or did not run (a region outside the scan), the tags are read from
// the bucket's region (GetBucketTagging; NoSuchTagSet means no tags).
import {
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { bucketArn, isoOrNull, partitionOf, tagsFromList } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

interface Bucket {
  name: string;
  created: Date | undefined;
  region: string | undefined;
}

/** GetBucketLocation answers "" for us-east-1 and the legacy "EU" for eu-west-1. */
const regionOfLocation = (constraint: string | undefined): string =>
  !constraint ? "us-east-1" : constraint === "EU" ? "eu-west-1" : constraint;

async function regionOf(ctx: ListerContext, bucket: Bucket): Promise<string | undefined> {
  // Recent S3 answers ListBuckets with each bucket's region; only older answers need the extra call.
  if (bucket.region) return bucket.region;
  const s3 = ctx.scan.clients.get(S3Client, ctx.region);
  const out = await unlessGone(
    ctx.scan.call(ctx.region, "item", (abortSignal) =>
      s3.send(new GetBucketLocationCommand({ Bucket: bucket.name }), { abortSignal }),
    ),
  );
  return out && regionOfLocation(out.LocationConstraint);
}

async function tagsOf(ctx: ListerContext, name: string, region: string) {
  // Tags are read from the bucket's region: AWS redirects a call signed for any other one.
  const s3 = ctx.scan.clients.get(S3Client, region);
  try {
    const out = await ctx.scan.call(region, "item", (abortSignal) =>
      s3.send(new GetBucketTaggingCommand({ Bucket: name }), { abortSignal }),
    );
    return tagsFromList(out.TagSet);
  } catch (error) {
    if ((error as { name?: unknown }).name === "NoSuchTagSet") return {};
    throw error;
  }
}

export const s3Buckets: Lister = {
  type: "s3:bucket",
  actions: ["s3:ListAllMyBuckets", "s3:GetBucketTagging", "s3:GetBucketLocation"],
  async list(ctx) {
    const s3 = ctx.scan.clients.get(S3Client, ctx.region);
    const buckets: Bucket[] = [];
    await eachPage(
      ctx,
      (ContinuationToken, abortSignal) =>
        s3.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken }), { abortSignal }),
      (page) => page.ContinuationToken,
      (page) => {
        for (const b of page.Buckets ?? []) {
          if (b.Name) buckets.push({ name: b.Name, created: b.CreationDate, region: b.BucketRegion });
        }
      },
    );
    const partition = partitionOf(ctx.region);
    await forEachItem(buckets, async (bucket) => {
      const arn = bucketArn(partition, bucket.name);
      const region = await regionOf(ctx, bucket);
      if (!region) return;
      const tagged = await ctx.taggedLookup(region);
      const tags = tagged
        ? tagged(arn)
          ? undefined
          : {}
        : await unlessGone(tagsOf(ctx, bucket.name, region));
      if (!tagged && !tags) return;
      ctx.emit({
        arn,
        id: bucket.name,
        type: "s3:bucket",
        region: "global",
        state: null,
        created_at: isoOrNull(bucket.created),
        ...(tags ? { tags } : {}),
      });
    });
  },
};
