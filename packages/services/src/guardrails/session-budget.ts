import type { TenantCache } from "../cache/tenant-cache";
import { callerScope } from "./scope";

export interface SessionBudgetOptions {
  /** Tool calls per MCP session, or per API key and clock hour without a session (default 100). */
  calls?: number;
  /** How long a session's count is kept after its first call (default 24 h). */
  sessionTtlSeconds?: number;
}

export interface BudgetCaller {
  keyId: string;
  sessionId?: string | undefined;
  /** Milliseconds since the epoch: picks the clock hour for callers without a session. */
  now: number;
}

export type BudgetVerdict =
  | { allowed: true; used: number | null }
  | { allowed: false; used: number; message: string; retryAfterSeconds?: number };

const HOUR_MS = 3_600_000;

/**
 * Caps the tool calls of one conversation, so a runaway agent cannot scan all day on one prompt. A
 * stateless MCP client sends no session id; its calls are then counted per API key and clock hour.
 */
export class SessionBudget {
  readonly calls: number;
  readonly sessionTtlSeconds: number;

  constructor(options: SessionBudgetOptions = {}) {
    this.calls = options.calls ?? 100;
    this.sessionTtlSeconds = options.sessionTtlSeconds ?? 86_400;
  }

  async consume(cache: TenantCache, caller: BudgetCaller): Promise<BudgetVerdict> {
    const scope = callerScope(caller.keyId, caller.sessionId);
    const hour = Math.floor(caller.now / HOUR_MS);
    const used = caller.sessionId
      ? await cache.incr(`guard:budget:${scope}`, this.sessionTtlSeconds)
      : await cache.incr(`guard:budget:${scope}:h${hour}`, HOUR_MS / 1000);
    if (used === null || used <= this.calls) return { allowed: true, used };
    if (caller.sessionId) {
      return {
        allowed: false,
        used,
        message:
          `This session has used its budget of ${this.calls} tool calls. Do not call more tools in ` +
          "this session: summarise what you have found for the user. A new session starts a new budget.",
      };
    }
    const retryAfterSeconds = Math.ceil(((hour + 1) * HOUR_MS - caller.now) / 1000);
    return {
      allowed: false,
      used,
      retryAfterSeconds,
      message:
        `This API key has used its budget of ${this.calls} tool calls for this hour. Stop calling ` +
        `tools and summarise what you have found; the budget resets in ${Math.ceil(retryAfterSeconds / 60)} ` +
        "minutes.",
    };
  }
}
