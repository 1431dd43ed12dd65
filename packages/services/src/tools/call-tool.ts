// One tool call, transport-free: parse the arguments (errors name the field) → guardrails → the key's
// scope → the verb → one audit row → a typed outcome. The MCP edge adapts this; nothing of the product
// logic sits in the edge. Errors the caller can act on keep their code and message; anything else is
// INTERNAL with a generic message, and its cause is handed back for the edge to log (services do not log).
import type { z } from "zod";
import { recordAuditOrQueue } from "../audit/record";
import { asServiceError, ServiceError } from "../errors";
import { checkGuardrails } from "../guardrails/check";
import { keyAllows } from "../keys/allows";
import type { CallerCtx } from "./context";
import type { Tool, ToolOutput } from "./define";
import { type PendingRun, PendingRuns } from "./pending";

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
  // While this call is in flight, cold scans pace their AWS calls so it is not crowded out.
  const leave = ctx.runtime.scans.pacer.enter(ctx.requestId);
  try {
    return await runCall(ctx, tool, args);
  } finally {
    leave();
  }
}

async function runCall<R extends ToolOutput>(
  ctx: CallerCtx,
  tool: Tool<R>,
  args: unknown,
): Promise<ToolOutcome<R>> {
  const started = performance.now();
  const finish = async (outcome: ToolOutcome<R>): Promise<ToolOutcome<R>> => {
    const seconds = (performance.now() - started) / 1000;
    ctx.runtime.observer.toolCall({ tool: tool.name, code: outcome.ok ? "ok" : outcome.error.code, seconds });
    const written = recordAuditOrQueue(ctx, {
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
  // Scanning tools run as a pending run when a foreground budget is set: a caller that comes back
  // with the same call joins the run instead of starting another (and is not a loop: it is polling).
  const background = tool.readsAws && runtime.foregroundMs !== undefined;
  const { key, joining } = pendingRunOf(ctx, tool.name, parsed.input, background);
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
    skipLoop: joining !== undefined,
  });
  if (!guard.ok) {
    runtime.observer.guardrail(guard.kind);
    return refuse(new ServiceError(guard.code, guard.message, undefined, guard.retryAfterSeconds));
  }

  if (parsed.mutates && !keyAllows(ctx.key.scopes, "mcp:tools")) {
    return refuse(
      new ServiceError(
        "FORBIDDEN",
        `This API key is read-only (mcp:read); ${tool.name} with these arguments changes the client's settings. Use a key with the mcp:tools scope.`,
      ),
    );
  }

  const execute = async (runCtx: CallerCtx): Promise<ToolOutcome<R>> => {
    try {
      const { output, summary } = await parsed.run(runCtx);
      return { ok: true, output, summary };
    } catch (error) {
      const known = asServiceError(error);
      if (known && known.code !== "INTERNAL") return { ok: false, error: known };
      return {
        ok: false,
        error: new ServiceError(
          "INTERNAL",
          `${tool.name} failed with an internal error. Retry later; if it persists, quote request id ${ctx.requestId} to support.`,
        ),
        cause: error,
      };
    }
  };
  const { foregroundMs } = runtime;
  if (!background || foregroundMs === undefined) return finish(await execute(ctx));

  const run =
    joining ??
    runtime.pending.start(
      key,
      (sink) => execute({ ...ctx, progress: sink }) as Promise<ToolOutcome<ToolOutput>>,
    );
  run.sink = ctx.progress;
  // Waiting on a scanning run (its own or one it joined) is not foreground work: a caller polling
  // its scan must not pace that very scan (scan/pacer.ts).
  const outcome = await runtime.scans.pacer.background(ctx.requestId, () =>
    waitAtMost(Promise.race([run.result, runtime.pending.waitsEnded]), foregroundMs),
  );
  if (outcome === undefined) return finish({ ok: false, error: stillRunning(tool, run) });
  runtime.pending.delete(key);
  return finish(outcome as ToolOutcome<R>);
}

/**
 * The run this call joins, if any: the one its scan_id names, else the one of the same arguments.
 * scan_id is not part of the key, so "same arguments plus the id" and "same arguments" are one call.
 */
function pendingRunOf(
  ctx: CallerCtx,
  tool: string,
  input: unknown,
  background: boolean,
): { key: string; joining: PendingRun<ToolOutcome<ToolOutput>> | undefined } {
  const { scan_id: scanId, ...args } = (input ?? {}) as Record<string, unknown>;
  const byId =
    background && typeof scanId === "string"
      ? ctx.runtime.pending.find(ctx.client.id, tool, scanId)
      : undefined;
  if (byId) return { key: byId.key, joining: byId.run };
  const key = PendingRuns.keyOf(ctx.client.id, tool, args);
  return { key, joining: background ? ctx.runtime.pending.get(key) : undefined };
}

const RETRY_AFTER_S = 5;

/** Whether the tool takes a scan_id argument (the scanning tools do). */
function takesScanId(tool: Tool<ToolOutput>): boolean {
  const shape = (tool.input as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && "scan_id" in shape;
}

function stillRunning(tool: Tool<ToolOutput>, run: PendingRun<unknown>): ServiceError {
  const elapsed = Math.round((Date.now() - run.startedAt) / 1000);
  const soFar = run.progress.message ? ` So far: ${run.progress.message}.` : "";
  const what =
    run.progress.status === "queued"
      ? "The scan is queued for a scan slot"
      : "The scan is still running in the background";
  return new ServiceError(
    "SCAN_IN_PROGRESS",
    `${what} (${elapsed} s so far; large accounts take minutes).${soFar} Call ${tool.name} again with exactly the same arguments${takesScanId(tool) ? ` (adding scan_id "${run.id}" if you like)` : ""} to wait for it and get the complete result; do not change the arguments, or a new scan starts.`,
    {
      scan_id: run.id,
      scan_status: run.progress.status,
      elapsed_seconds: elapsed,
      progress: { updates: run.progress.updates, message: run.progress.message },
    },
    RETRY_AFTER_S,
  );
}

/** The promise's value, or undefined when it has not settled within `ms` (it keeps running). */
async function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
