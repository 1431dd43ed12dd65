// Agents for Amazon Bedrock list agents and knowledge bases without ARN or tags;
// ListTagsForResource reads one resource's as a map. Listers call it only when the Tagging walk
// failed, and drop a resource deleted since (ResourceNotFoundException).
import { type BedrockAgentClient, ListTagsForResourceCommand } from "@aws-sdk/client-bedrock-agent";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { ListedResource, ListerContext } from "./types";

/** Emits each resource: tags from the walk (absent), none ({}), or read here when the walk failed. */
export async function emitWithTags(
  ctx: ListerContext,
  bedrock: BedrockAgentClient,
  found: readonly Omit<ListedResource, "tags">[],
): Promise<void> {
  const tagged = await ctx.taggedLookup();
  if (tagged) {
    for (const r of found) ctx.emit(tagged(r.arn) ? r : { ...r, tags: {} });
    return;
  }
  await forEachItem(found, async (r) => {
    const out = await unlessGone(
      ctx.scan.call(ctx.region, "item", (abortSignal) =>
        bedrock.send(new ListTagsForResourceCommand({ resourceArn: r.arn }), { abortSignal }),
      ),
    );
    if (out) ctx.emit({ ...r, tags: { ...out.tags } });
  });
}
