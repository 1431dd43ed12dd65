// cloudfront:distribution, a global type: ListDistributions once (100 a page, Marker/NextMarker),
// whose summaries carry no tags. The us-east-1 Tagging walk vouches for tagged distributions;
// when it did not run or failed, ListTagsForResource is read per distribution.
import {
  CloudFrontClient,
  type DistributionSummary,
  ListDistributionsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-cloudfront";
import { partitionOf, tagsFromList } from "../arn";
import { globalSigningRegion, globalTaggedLookup } from "./global-services";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister } from "./types";

export const cloudfrontDistributions: Lister = {
  type: "cloudfront:distribution",
  actions: ["cloudfront:ListDistributions", "cloudfront:ListTagsForResource"],
  async list(ctx) {
    const cloudfront = ctx.scan.clients.get(CloudFrontClient, globalSigningRegion(ctx.region));
    const found: DistributionSummary[] = [];
    await eachPage(
      ctx,
      (Marker, abortSignal) =>
        cloudfront.send(new ListDistributionsCommand({ MaxItems: 100, Marker }), { abortSignal }),
      (page) => (page.DistributionList?.IsTruncated ? page.DistributionList.NextMarker : undefined),
      (page) => void found.push(...(page.DistributionList?.Items ?? []).filter((d) => d.Id)),
    );
    const tagged = await globalTaggedLookup(ctx);
    const partition = partitionOf(ctx.region);
    await forEachItem(found, async (d) => {
      const id = d.Id ?? "";
      // CloudFront ARNs carry the account but no region.
      const arn = d.ARN ?? `arn:${partition}:cloudfront::${ctx.accountId}:distribution/${id}`;
      const tags = tagged
        ? tagged(arn)
          ? undefined
          : {}
        : await unlessGone(
            ctx.scan
              .call(ctx.region, "item", (abortSignal) =>
                cloudfront.send(new ListTagsForResourceCommand({ Resource: arn }), { abortSignal }),
              )
              .then((out) => tagsFromList(out.Tags?.Items)),
          );
      // Without the walk, a distribution ListTagsForResource no longer finds was deleted meanwhile.
      if (!tagged && !tags) return;
      ctx.emit({
        arn,
        id,
        type: "cloudfront:distribution",
        region: "global",
        state: d.Status ?? null,
        // Summaries carry only the last modification time, not the creation time.
        created_at: null,
        ...(tags ? { tags } : {}),
      });
    });
  },
};
