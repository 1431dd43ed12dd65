// CloudFront and Route 53 are global services: their calls are signed for one region of the
// partition (us-east-1 in aws), and the Tagging API returns their resources only from that
// region. Their listers read the walk of that region, whichever region the scan reads global
// types from; when that region is not scanned (or its walk failed) they read tags themselves.
import { partitionOf } from "../arn";
import type { ListerContext, TaggedLookup } from "./types";

const SIGNING_REGION: Readonly<Record<string, string>> = {
  aws: "us-east-1",
  "aws-cn": "cn-northwest-1",
  "aws-us-gov": "us-gov-west-1",
};

/** The region global-service calls are signed for, in the partition of `region`. */
export const globalSigningRegion = (region: string): string =>
  SIGNING_REGION[partitionOf(region)] ?? "us-east-1";

/** The Tagging walk that vouches for global-service resources, or undefined (read tags yourself). */
export const globalTaggedLookup = (ctx: ListerContext): Promise<TaggedLookup | undefined> =>
  ctx.taggedLookup(globalSigningRegion(ctx.region));
