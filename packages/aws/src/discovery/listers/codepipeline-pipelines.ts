// codepipeline:pipeline: ListPipelines (up to 1000 a page) names every pipeline of the region with
// its creation time, no tags; the Tagging walk vouches for tagged ones, and ListTagsForResource is
// read per pipeline only when it failed. The ARN is the name right after the account.
import {
  CodePipelineClient,
  ListPipelinesCommand,
  ListTagsForResourceCommand,
  type PipelineSummary,
} from "@aws-sdk/client-codepipeline";
import { arnOf, isoOrNull, tagsFromEcs } from "../arn";
import { unlessGone } from "./gone";
import { eachPage, forEachItem } from "./paginate";
import type { Lister, ListerContext } from "./types";

/** CodePipeline spells tags { key, value } and pages them by nextToken. */
async function tagsOf(ctx: ListerContext, codepipeline: CodePipelineClient, resourceArn: string) {
  const tags: Record<string, string> = {};
  await eachPage(
    ctx,
    (nextToken, abortSignal) =>
      codepipeline.send(new ListTagsForResourceCommand({ resourceArn, nextToken, maxResults: 100 }), {
        abortSignal,
      }),
    (page) => page.nextToken,
    (page) => void Object.assign(tags, tagsFromEcs(page.tags)),
  );
  return tags;
}

export const codepipelinePipelines: Lister = {
  type: "codepipeline:pipeline",
  actions: ["codepipeline:ListPipelines", "codepipeline:ListTagsForResource"],
  async list(ctx) {
    const codepipeline = ctx.scan.clients.get(CodePipelineClient, ctx.region);
    const found: PipelineSummary[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        codepipeline.send(new ListPipelinesCommand({ maxResults: 1000, nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => void found.push(...(page.pipelines ?? []).filter((p) => p.name)),
    );
    const tagged = await ctx.taggedLookup();
    await forEachItem(found, async (pipeline) => {
      const name = pipeline.name ?? "";
      const arn = arnOf("codepipeline", ctx, name);
      const tags = tagged ? (tagged(arn) ? undefined : {}) : await unlessGone(tagsOf(ctx, codepipeline, arn));
      // Without the walk, a pipeline ListTagsForResource no longer finds was deleted meanwhile.
      if (!tagged && !tags) return;
      ctx.emit({
        arn,
        id: name,
        type: "codepipeline:pipeline",
        region: ctx.region,
        state: null,
        created_at: isoOrNull(pipeline.created),
        ...(tags ? { tags } : {}),
      });
    });
  },
};
