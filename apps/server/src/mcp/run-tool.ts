// One tool call: guardrails → the services verb → an audit row → the MCP result. Errors the model
// can act on become `isError` results with a message saying what to do; anything else is logged
// with the request id and answered with a generic message (no stack, no AWS text, no secret).

import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { checkGuardrails, recordAudit, ServiceError, type ToolCtx, ToolError } from "@tagc/services";
import type { McpCaller, McpRuntime } from "./context";
import type { ToolDefinition } from "./define";

const MAX_AUDIT_PARAMS = 2000;

/** Errors of core and services that carry a field the caller got wrong. */
function userFacing(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof ToolError) return { code: error.code, message: error.message };
  if (error instanceof ServiceError && error.code !== "INTERNAL")
    return { code: error.code, message: error.message };
  const e = error as { name?: string; field?: unknown; message?: string; code?: unknown };
  if (typeof e?.field === "string" && typeof e.message === "string") {
    const message = e.message.startsWith(e.field) ? e.message : `${e.field}: ${e.message}`;
    return { code: "INVALID_INPUT", message };
  }
  return undefined;
}

/** Tool arguments hold types, regions and ARNs of the caller's own account; capped in size. */
function sanitize(args: unknown): Record<string, unknown> {
  const text = JSON.stringify(args ?? {});
  return text.length <= MAX_AUDIT_PARAMS
    ? (JSON.parse(text) as Record<string, unknown>)
    : { truncated: text.slice(0, MAX_AUDIT_PARAMS) };
}

const errorResult = (message: string): CallToolResult => ({
  content: [{ type: "text", text: message }],
  isError: true,
});

export async function runTool(
  tool: ToolDefinition,
  args: unknown,
  ctx: ToolCtx,
  caller: McpCaller,
  runtime: McpRuntime,
): Promise<CallToolResult> {
  const started = performance.now();
  const audit = (outcome: "ok" | "error", errorCode: string | null) =>
    recordAudit(ctx.deps.db, ctx, {
      operation: tool.name,
      params: sanitize(args),
      outcome,
      errorCode,
      durationMs: performance.now() - started,
    });

  const guard = await checkGuardrails({
    store: runtime.store,
    limiters: runtime.guardrails,
    clientId: caller.client.id,
    keyId: caller.key.id,
    sessionId: caller.sessionId,
    tool: tool.name,
    args,
  });
  if (!guard.ok) {
    await audit("error", guard.code);
    return errorResult(guard.message);
  }
  const mutates = typeof tool.mutates === "function" ? tool.mutates(args as never) : tool.mutates === true;
  if (mutates && !caller.key.scopes.includes("mcp:tools")) {
    await audit("error", "FORBIDDEN");
    return errorResult(
      `This API key is read-only (mcp:read); ${tool.name} with these arguments changes the client's settings. Use a key with the mcp:tools scope.`,
    );
  }
  try {
    const result = (await tool.run(ctx, args as never)) as Record<string, unknown>;
    await audit("ok", null);
    return { content: [{ type: "text", text: tool.summarize(result) }], structuredContent: result };
  } catch (error) {
    const known = userFacing(error);
    if (known) {
      await audit("error", known.code);
      return errorResult(known.message);
    }
    caller.logger.error({ err: error, tool: tool.name, client_id: caller.client.id }, "tool failed");
    await audit("error", "INTERNAL").catch(() => undefined);
    return errorResult(
      `${tool.name} failed with an internal error. Retry later; if it persists, quote request id ${caller.requestId} to support.`,
    );
  }
}
