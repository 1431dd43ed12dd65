// A new low-level MCP Server per request, with the tenant captured in this closure: nothing of one
// client's request can reach another's (SDK ≥ 1.26 with a stateless transport per request). Every
// tool is registered through the one adapter below from the prepared list (JSON Schema 2020-12,
// built once per process); the tools, prompts and the policy resource are defined in services.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import {
  asServiceError,
  type CallerCtx,
  getPolicy,
  PROMPTS,
  type ServiceError,
  TOOL_LIST,
} from "@tagc/services";
import type { Logger } from "pino";
import { isOutage } from "./errors";
import { answerToolCall } from "./tool-call";

const INSTRUCTIONS = `Tag Compliance Cloud audits this organization's AWS tagging against its tagging policy.
Start with get_tagging_policy and pass its all_applicable_resource_types to the scanning tools.
Every scanning result has data_quality: when it is "partial", name the missing regions, types or accounts and do not present the numbers as account-wide.
Nothing these tools do changes the AWS account; a few calls change this organization's settings (schedules, an imported policy).`;

const POLICY_URI = "tagc://policy";
const PROMPT_LIST = PROMPTS.map((p) => ({
  name: p.name,
  title: p.title,
  description: p.description,
  arguments: p.arguments.map((a) => ({ name: a.name, description: a.description, required: false })),
}));

/** Shared by every per-request server: it only compiles JSON schemas and holds no tenant data. */
const schemaValidator = new AjvJsonSchemaValidator();

/**
 * `onOutage` hears of a call the database's absence failed: the edge answers that request 503 with
 * Retry-After instead of the tool result (see route.ts), so a client retries rather than shows it.
 */
export function buildMcpServer(
  ctx: CallerCtx,
  logger: Logger,
  version: string,
  onOutage: (error: ServiceError) => void = () => undefined,
): Server {
  const server = new Server(
    { name: "tag-compliance-cloud", version },
    {
      capabilities: { tools: {}, prompts: {}, resources: {} },
      instructions: INSTRUCTIONS,
      jsonSchemaValidator: schemaValidator,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...TOOL_LIST] }));
  server.setRequestHandler(
    CallToolRequestSchema,
    async ({ params }, extra) =>
      (await answerToolCall(ctx, logger, params, (n) => extra.sendNotification(n), onOutage)).result,
  );
  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: PROMPT_LIST }));
  server.setRequestHandler(GetPromptRequestSchema, ({ params }) => {
    const prompt = PROMPTS.find((p) => p.name === params.name);
    if (!prompt) throw new McpError(ErrorCode.InvalidParams, `Prompt ${params.name} not found`);
    const args = params.arguments ?? {};
    for (const { name, maxLength } of prompt.arguments) {
      if ((args[name]?.length ?? 0) > maxLength)
        throw new McpError(ErrorCode.InvalidParams, `${name}: at most ${maxLength} characters`);
    }
    const text = prompt.render(args);
    return { description: prompt.description, messages: [{ role: "user", content: { type: "text", text } }] };
  });
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [
      {
        uri: POLICY_URI,
        name: "tagging-policy",
        title: "Tagging policy",
        description:
          "This organization's current tagging policy, its version and the resource types it covers",
        mimeType: "application/json",
      },
    ],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async ({ params }) => {
    if (params.uri !== POLICY_URI)
      throw new McpError(ErrorCode.InvalidParams, `Resource ${params.uri} not found`);
    const policy = await getPolicy({ ctx }).catch((error: unknown) => {
      const known = asServiceError(error);
      if (isOutage(known)) onOutage(known);
      throw error;
    });
    const text = JSON.stringify(policy, null, 2);
    return { contents: [{ uri: POLICY_URI, mimeType: "application/json", text }] };
  });
  return server;
}
