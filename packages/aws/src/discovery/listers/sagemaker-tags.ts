// SageMaker lists endpoints and notebook instances without tags; ListTags reads one resource's
// (paginated, 50 a page at least). Listers call it only when the Tagging walk failed, and drop a
// resource deleted since: SageMaker answers that with ValidationException ("... does not exist"),
// not a not-found error.
import { ListTagsCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { tagsFromList } from "../arn";
import { eachPage, forEachItem } from "./paginate";
import type { ListedResource, ListerContext } from "./types";

const isGone = (error: unknown): boolean => {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === "ValidationException" && /does not exist|not found|could not find/i.test(String(message));
};

async function tagsOf(ctx: ListerContext, sagemaker: SageMakerClient, ResourceArn: string) {
  const tags: Record<string, string> = {};
  try {
    await eachPage(
      ctx,
      (NextToken, abortSignal) =>
        sagemaker.send(new ListTagsCommand({ ResourceArn, MaxResults: 100, NextToken }), { abortSignal }),
      (page) => page.NextToken,
      (page) => void Object.assign(tags, tagsFromList(page.Tags)),
    );
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
  return tags;
}

/** Emits each resource: tags from the walk (absent), none ({}), or read here when the walk failed. */
export async function emitWithTags(
  ctx: ListerContext,
  sagemaker: SageMakerClient,
  found: readonly Omit<ListedResource, "tags">[],
): Promise<void> {
  const tagged = await ctx.taggedLookup();
  if (tagged) {
    for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
    return;
  }
  await forEachItem(found, async (r) => {
    const tags = await tagsOf(ctx, sagemaker, r.arn);
    if (tags) ctx.emit({ ...r, tags });
  });
}
