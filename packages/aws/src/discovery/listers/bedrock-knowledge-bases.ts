// bedrock:knowledge-base: ListKnowledgeBases (1,000 a page) gives each knowledge base's id and
// status but no ARN, which is arn:aws:bedrock:<region>:<account>:knowledge-base/<id>, and no
// creation time. Tags come from the Tagging walk, or ListTagsForResource when it failed. A DELETING
// knowledge base is excluded. Regions that do not offer Bedrock Agents are skipped.
import { BedrockAgentClient, ListKnowledgeBasesCommand } from "@aws-sdk/client-bedrock-agent";
import { arnOf } from "../arn";
import { BEDROCK_AGENT_REGIONS, emitWithTags } from "./bedrock-tags";
import { eachPage } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const bedrockKnowledgeBases: Lister = {
  type: "bedrock:knowledge-base",
  actions: ["bedrock:ListKnowledgeBases", "bedrock:ListTagsForResource"],
  async list(ctx) {
    if (!BEDROCK_AGENT_REGIONS.has(ctx.region)) return;
    const bedrock = ctx.scan.clients.get(BedrockAgentClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        bedrock.send(new ListKnowledgeBasesCommand({ maxResults: 1000, nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => {
        for (const kb of page.knowledgeBaseSummaries ?? []) {
          if (!kb.knowledgeBaseId) continue;
          const arn = arnOf("bedrock", ctx, `knowledge-base/${kb.knowledgeBaseId}`);
          if (kb.status === "DELETING") {
            ctx.exclude(arn);
            continue;
          }
          found.push({
            arn,
            id: kb.knowledgeBaseId,
            type: "bedrock:knowledge-base",
            region: ctx.region,
            state: kb.status ?? null,
            created_at: null,
          });
        }
      },
    );
    await emitWithTags(ctx, bedrock, found);
  },
};
