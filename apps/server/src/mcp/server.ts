// A new McpServer per request, with the tenant captured in this closure: nothing of one client's
// request can reach another's (SDK ≥ 1.26 with a stateless transport per request).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import type { ToolCtx } from "@tagc/services";
import type { McpCaller, McpRuntime } from "./context";
import { registerPrompts } from "./prompts";
import { registerPolicyResource } from "./resources";
import { runTool } from "./run-tool";
import { TOOLS } from "./tools";

const INSTRUCTIONS = `Tag Compliance Cloud audits this organization's AWS tagging against its tagging policy.
Start with get_tagging_policy and pass its all_applicable_resource_types to the scanning tools.
Every scanning result has data_quality: when it is "partial", name the missing regions, types or accounts and do not present the numbers as account-wide.
All tools are read-only towards AWS.`;

/**
 * Shared by every per-request server: building an ajv instance per request was the largest cost of a
 * warm tool call. It only compiles JSON schemas (for elicitation) and holds no tenant data.
 */
const schemaValidator = new AjvJsonSchemaValidator();

export function buildMcpServer(
  ctx: ToolCtx,
  caller: McpCaller,
  runtime: McpRuntime,
  version: string,
): McpServer {
  const server = new McpServer(
    { name: "tag-compliance-cloud", version },
    { instructions: INSTRUCTIONS, jsonSchemaValidator: schemaValidator },
  );
  for (const tool of TOOLS) {
    const mutates = typeof tool.mutates === "function" || tool.mutates === true;
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: {
          title: tool.title,
          // Nothing this service does can change the customer's AWS account.
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: !mutates,
          openWorldHint: tool.readsAws,
        },
      },
      (args: unknown) => runTool(tool, args, ctx, caller, runtime),
    );
  }
  registerPolicyResource(server, ctx);
  registerPrompts(server);
  return server;
}
