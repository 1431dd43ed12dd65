// Agents for Amazon Bedrock list agents and knowledge bases without ARN or tags;
// ListTagsForResource reads one resource's as a map. Listers call it only when the Tagging walk
// failed, and drop a resource deleted since (ResourceNotFoundException).
import { type BedrockAgentClient, ListTagsForResourceCommand } from "@aws-sdk/client-bedrock-agent";
import { unlessGone } from "./gone";
import { forEachItem } from "./paginate";
import type { ListedResource, ListerContext } from "./types";

/**
 * The regions that offer Agents for Amazon Bedrock (agents and knowledge bases alike), as the
 * Bedrock User Guide lists them ("Supported Regions for Amazon Bedrock Agents"). Elsewhere the
 * bedrock-agent endpoint does not resolve, so calling it would fail the region's scan for a
 * service that holds nothing there; the listers skip those regions instead.
 */
export const BEDROCK_AGENT_REGIONS: ReadonlySet<string> = new Set([
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-gov-west-1",
  "us-west-2",
]);

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
