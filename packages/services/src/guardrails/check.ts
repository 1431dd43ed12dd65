import type { CacheStore } from "../cache/store";
import { tenantCache } from "../cache/tenant-cache";
import type { GuardrailKind } from "../observe/observer";
import type { GuardrailLimiters } from "./limiters";
import type { LoopDetector } from "./loop-detector";
import type { RateLimitResult } from "./rate-limiter";
import type { SessionBudget } from "./session-budget";

export type GuardrailCode = "RATE_LIMITED" | "SESSION_BUDGET" | "LOOP_DETECTED";

export type GuardrailResult =
  /** `degraded`: a counter could not be read (cache outage) and its check was skipped (fail open). */
  | { ok: true; degraded?: true }
  | { ok: false; code: GuardrailCode; kind: GuardrailKind; message: string; retryAfterSeconds?: number };

export interface GuardrailInput {
  store: CacheStore;
  limiters: GuardrailLimiters;
  /** From the authenticated key, never from input. */
  clientId: string;
  keyId: string;
  sessionId?: string | undefined;
  tool: string;
  /** The parsed arguments: two spellings of one call (a lone string or a one-element list) are one call. */
  args: unknown;
  budget: SessionBudget;
  loop: LoopDetector;
  /** A call that joins a scan still running for the same call is polling, not looping. */
  skipLoop?: boolean;
  now?: () => number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function rateLimited(
  kind: GuardrailKind,
  result: RateLimitResult,
  windowMs: number,
  what: string,
): GuardrailResult {
  const retryAfterSeconds = seconds(result.retryAfterMs);
  return {
    ok: false,
    code: "RATE_LIMITED",
    kind,
    retryAfterSeconds,
    message:
      `Rate limit reached: ${what} (at most ${result.limit} per ${seconds(windowMs)} seconds). ` +
      `Wait ${retryAfterSeconds} seconds before calling again; do not retry sooner.`,
  };
}

/**
 * Runs before every tool call, cheapest and broadest first: the API key's and the client's rate
 * limits, then the loop detector and the session budget. (The per-(client, account, region) AWS
 * budget is spent by the scan itself, one unit per region it reads cold: see tools/scan/budget.ts.)
 * A refused call stops at the first refusal; checks it already passed keep their count. Counters are keyed by ids
 * (client, key, account, region) and by hashes of the session id and arguments, never by a secret.
 */
export async function checkGuardrails(input: GuardrailInput): Promise<GuardrailResult> {
  const now = (input.now ?? Date.now)();
  const { limiters } = input;

  const perKey = await limiters.apiKey.consume(`key:${input.keyId}`);
  if (!perKey.allowed) {
    return rateLimited("api_key_rate", perKey, limiters.apiKey.windowMs, "too many calls with this API key");
  }
  const perClient = await limiters.client.consume(`client:${input.clientId}`);
  if (!perClient.allowed) {
    return rateLimited(
      "client_rate",
      perClient,
      limiters.client.windowMs,
      "too many calls for this client across all API keys",
    );
  }

  // Budget and loop counters are tenant data: they live under the tenant's prefix and go at offboarding.
  const cache = tenantCache(input.store, input.clientId);
  const caller = { keyId: input.keyId, sessionId: input.sessionId };
  const loop = input.skipLoop
    ? ({ allowed: true, count: 0 } as const)
    : await input.loop.check(cache, { ...caller, tool: input.tool, args: input.args });
  if (!loop.allowed) return { ok: false, code: "LOOP_DETECTED", kind: "loop", message: loop.message };
  const budget = await input.budget.consume(cache, { ...caller, now });
  if (!budget.allowed) {
    return {
      ok: false,
      code: "SESSION_BUDGET",
      kind: "session_budget",
      message: budget.message,
      ...(budget.retryAfterSeconds !== undefined ? { retryAfterSeconds: budget.retryAfterSeconds } : {}),
    };
  }

  return loop.count === null || budget.used === null ? { ok: true, degraded: true } : { ok: true };
}
