// What a tool verb receives: the tenant (from the API key, never from input) and the runtime pieces
// chosen once at start-up, scoped here to this tenant.
import type { ClientCtx } from "../context";
import type { ToolObserver } from "../observe/observer";
import type { GuardrailLimiters, TenantCache } from "../runtime";
import type { ProgressSink } from "./pending";
import type { ToolRuntime } from "./runtime";
import type { ScanState } from "./scan/state";

export interface ToolCtx extends ClientCtx {
  /** The only way tool code reaches the shared cache: every key is prefixed with this client's id. */
  cache: TenantCache;
  /** This process's memo of scans and analyses, and the cold scans in flight (tenant-keyed). */
  scans: ScanState;
  /** Rate limits; scans spend the per-(client, account, region) AWS budget on every cold region. */
  limiters: GuardrailLimiters;
  /** Scans stop and return partial results at this. */
  deadlineMs: number;
  /** Where a scan reports its progress while the caller waits (MCP notifications/progress). */
  progress?: ProgressSink | undefined;
  /** The operator's metrics (absent in contexts built by hand, e.g. tests). */
  observer?: ToolObserver;
}

/** A tool call on behalf of an API key: what callTool needs beyond the verb's context. */
export interface CallerCtx extends ToolCtx {
  runtime: ToolRuntime;
  key: { id: string; scopes: readonly string[] };
  /** The MCP session, when the client has one; budgets fall back to the key and clock hour. */
  sessionId?: string | undefined;
}

/** The tool context of one tenant on this runtime. */
export function toolCtx(ctx: ClientCtx, runtime: ToolRuntime): ToolCtx {
  return {
    ...ctx,
    cache: runtime.cacheFor(ctx.client.id),
    scans: runtime.scans,
    limiters: runtime.limiters,
    deadlineMs: runtime.deadlineMs,
    observer: runtime.observer,
  };
}
