// What a tool verb receives: the tenant (from the API key, never from input) and the runtime pieces
// that are chosen once at start-up (cache store, limiter) and scoped here to this tenant.
import type { ClientCtx } from "../context";
import type { GuardrailLimiters, TenantCache } from "../runtime";

export interface ToolCtx extends ClientCtx {
  /** The only way tool code reaches the cache: every key is prefixed with this client's id. */
  cache: TenantCache;
  /** Scans stop and return partial results before the MCP client's 60 s timeout. */
  deadlineMs: number;
  /** Per (client, AWS account, region) call budget: cold scans spend one unit per region. */
  limiters?: GuardrailLimiters | undefined;
}
