import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { getTaggingPolicy, type ToolCtx } from "@tagc/services";

/** The client's tagging policy as a readable MCP resource. */
export function registerPolicyResource(server: McpServer, ctx: ToolCtx) {
  server.registerResource(
    "tagging-policy",
    "tagc://policy",
    {
      title: "Tagging policy",
      description: "This organization's current tagging policy, its version and the resource types it covers",
      mimeType: "application/json",
    },
    async (uri) => ({
      contents: [
        {
          uri: uri.href,
          mimeType: "application/json",
          text: JSON.stringify(await getTaggingPolicy({ ctx }), null, 2),
        },
      ],
    }),
  );
}
