import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { type CallerCtx, type ServiceDeps, toolCtx } from "@tagc/services";
import type { Hono } from "hono";
import type { AppEnv } from "../types";
import { mcpGuard } from "./auth";
import type { McpRuntime } from "./context";
import { buildMcpServer } from "./server";

/** POST /mcp (Streamable HTTP, stateless, JSON responses); GET and DELETE answer 405 like the SDK. */
export function registerMcp(app: Hono<AppEnv>, services: ServiceDeps, runtime: McpRuntime, version: string) {
  app.use("/mcp", mcpGuard(services, runtime));
  app.all("/mcp", async (c) => {
    const key = c.var.apiKey;
    // The tenant comes from the API key (auth middleware), never from the request body.
    const base = { deps: services, actor: c.var.actor, requestId: c.var.requestId, client: c.var.client };
    const ctx: CallerCtx = {
      ...toolCtx(base, runtime.tools),
      runtime: runtime.tools,
      key: { id: key.id, scopes: key.scopes },
      sessionId: c.req.header("mcp-session-id") ?? undefined,
    };
    const server = buildMcpServer(ctx, c.var.logger, version);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
}
