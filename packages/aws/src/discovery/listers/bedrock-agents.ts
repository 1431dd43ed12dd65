// bedrock:agent: ListAgents (1,000 a page) gives each agent's id and status but no ARN, which is
// arn:aws:bedrock:<region>:<account>:agent/<id> as AWS writes it, and no creation time (only
// updatedAt). Tags come from the Tagging walk, or ListTagsForResource when it failed. A DELETING
// agent is excluded: it is on its way out, and the Tagging API may still return it. Regions that
// do not offer Bedrock Agents are skipped (see BEDROCK_AGENT_REGIONS).
import { BedrockAgentClient, ListAgentsCommand } from "@aws-sdk/client-bedrock-agent";
import { arnOf } from "../arn";
import { BEDROCK_AGENT_REGIONS, emitWithTags } from "./bedrock-tags";
import { eachPage } from "./paginate";
import type { ListedResource, Lister } from "./types";

export const bedrockAgents: Lister = {
  type: "bedrock:agent",
  actions: ["bedrock:ListAgents", "bedrock:ListTagsForResource"],
  async list(ctx) {
    if (!BEDROCK_AGENT_REGIONS.has(ctx.region)) return;
    const bedrock = ctx.scan.clients.get(BedrockAgentClient, ctx.region);
    const found: Omit<ListedResource, "tags">[] = [];
    await eachPage(
      ctx,
      (nextToken, abortSignal) =>
        bedrock.send(new ListAgentsCommand({ maxResults: 1000, nextToken }), { abortSignal }),
      (page) => page.nextToken,
      (page) => {
        for (const a of page.agentSummaries ?? []) {
          if (!a.agentId) continue;
          const arn = arnOf("bedrock", ctx, `agent/${a.agentId}`);
          if (a.agentStatus === "DELETING") {
            ctx.exclude(arn);
            continue;
          }
          found.push({
            arn,
            id: a.agentId,
            type: "bedrock:agent",
            region: ctx.region,
            state: a.agentStatus ?? null,
            created_at: null,
          });
        }
      },
    );
    await emitWithTags(ctx, bedrock, found);
  },
};
