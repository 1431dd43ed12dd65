// One tool call, transport-free: parse the arguments (errors name the field) → guardrails → the key's
// scope → the verb → one audit row → a typed outcome. The MCP edge adapts this; nothing of the product
// logic sits in the edge. Errors the caller can act on keep their code and message; anything else is
// INTERNAL with a generic message, and its cause is handed back for the edge to log (services do not log).
import type { z } from "zod";
import { recordAudit } from "../audit/record";
import { asServiceError, ServiceError } from "../errors";
import { checkGuardrails } from "../guardrails/check";
import type { CallerCtx } from "./context";
import type { Tool, ToolOutput } from "./define";

const MAX_AUDIT_PARAMS = 2000;

export type ToolOutcome<R extends ToolOutput> =
  | { ok: true; output: R; summary: string }
  | { ok: false; error: ServiceError; cause?: unknown };

/** zod's issues as one message, each naming its field ("filters.regions: …") and what is allowed. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join(".");
      const detail =
        issue.code === "unrecognized_keys"
          ? `${issue.message}; remove it, it is not a parameter`
          : issue.message;
      return field ? `${field}: ${detail}` : detail;
    })
    .join("; ");
}

/** Tool arguments hold types, regions and ARNs of the caller's own account; capped in size. */
function sanitize(args: unknown): Record<string, unknown> {
  const text = JSON.stringify(args ?? {}) ?? "{}";
  if (text.length > MAX_AUDIT_PARAMS) return { truncated: text.slice(0, MAX_AUDIT_PARAMS) };
  const value: unknown = JSON.parse(text);
  return value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : { value };
}

export async function callTool<R extends ToolOutput>(
  ctx: CallerCtx,
  tool: Tool<R>,
  args: unknown,
): Promise<ToolOutcome<R>> {
  const started = performance.now();
  const finish = async (outcome: ToolOutcome<R>): Promise<ToolOutcome<R>> => {
    const written = recordAudit(ctx.deps.db, ctx, {
      operation: tool.name,
      params: sanitize(args),
      outcome: outcome.ok ? "ok" : "error",
      errorCode: outcome.ok ? null : outcome.error.code,
      durationMs: performance.now() - started,
    });
    // After an internal failure the database may be the cause: the caller still gets its answer.
    await (outcome.ok || outcome.error.code !== "INTERNAL" ? written : written.catch(() => undefined));
    return outcome;
  };
  const refuse = (error: ServiceError, cause?: unknown) =>
    finish({ ok: false, error, ...(cause === undefined ? {} : { cause }) });

  const parsed = tool.parse(args ?? {});
  if (!parsed.ok) return refuse(new ServiceError("INVALID_REQUEST", describeIssues(parsed.error)));

  const { runtime } = ctx;
  const guard = await checkGuardrails({
    store: runtime.store,
    limiters: runtime.limiters,
    budget: runtime.budget,
    loop: runtime.loop,
    clientId: ctx.client.id,
    keyId: ctx.key.id,
    sessionId: ctx.sessionId,
    tool: tool.name,
    args: parsed.input,
  });
  if (!guard.ok)
    return refuse(new ServiceError(guard.code, guard.message, undefined, guard.retryAfterSeconds));

  if (parsed.mutates && !ctx.key.scopes.includes("mcp:tools")) {
    return refuse(
      new ServiceError(
        "FORBIDDEN",
        `This API key is read-only (mcp:read); ${tool.name} with these arguments changes the client's settings. Use a key with the mcp:tools scope.`,
      ),
    );
  }

  try {
    const { output, summary } = await parsed.run(ctx);
    return await finish({ ok: true, output, summary });
  } catch (error) {
    const known = asServiceError(error);
    if (known && known.code !== "INTERNAL") return refuse(known);
    return refuse(
      new ServiceError(
        "INTERNAL",
        `${tool.name} failed with an internal error. Retry later; if it persists, quote request id ${ctx.requestId} to support.`,
      ),
      error,
    );
  }
}
