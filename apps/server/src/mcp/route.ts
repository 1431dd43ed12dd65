import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { type ServiceDeps, tenantCache } from "@tagc/services";
import type { Hono } from "hono";
import type { AppEnv } from "../types";
import { mcpGuard } from "./auth";
import type { McpRuntime } from "./context";
import { buildMcpServer } from "./server";

/** POST /mcp (Streamable HTTP, stateless, JSON responses); GET and DELETE answer 405 like the SDK. */
export function registerMcp(app: Hono<AppEnv>, services: ServiceDeps, runtime: McpRuntime, version: string) {
  app.use("/mcp", mcpGuard(services, runtime));
  app.all("/mcp", async (c) => {
    const client = c.var.client;
    const caller = {
      client,
      key: c.var.apiKey,
      requestId: c.var.requestId,
      logger: c.var.logger,
      sessionId: c.req.header("mcp-session-id") ?? undefined,
    };
    const ctx = {
      deps: services,
      actor: c.var.actor,
      requestId: c.var.requestId,
      client,
      // The only cache handle tool code gets is scoped to this client.
      cache: tenantCache(runtime.store, client.id),
      deadlineMs: runtime.deadlineMs,
    };
    const server = buildMcpServer(ctx, caller, runtime, version);
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
