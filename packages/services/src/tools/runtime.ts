// The runtime pieces every tool call shares, created once at start-up (memory or Redis behind the
// store and limiters) and passed in: nothing of the tool pipeline is module state.
import type { CacheStore } from "../cache/store";
import { type TenantCache, tenantCache } from "../cache/tenant-cache";
import type { GuardrailLimiters } from "../guardrails/limiters";
import { LoopDetector } from "../guardrails/loop-detector";
import { SessionBudget } from "../guardrails/session-budget";
import { ScanState } from "./scan/state";

export interface ToolRuntime {
  store: CacheStore;
  limiters: GuardrailLimiters;
  scans: ScanState;
  budget: SessionBudget;
  loop: LoopDetector;
  /** Scans return partial results before this, below the MCP client's 60 s timeout. */
  deadlineMs: number;
  cacheFor(clientId: string): TenantCache;
  /** Drops everything this process and the shared store hold for one client (offboarding). */
  purge(clientId: string): Promise<void>;
}

export interface ToolRuntimeOptions {
  store: CacheStore;
  limiters: GuardrailLimiters;
  deadlineMs: number;
  budget?: SessionBudget;
  loop?: LoopDetector;
}

export function createToolRuntime(options: ToolRuntimeOptions): ToolRuntime {
  const scans = new ScanState();
  return {
    store: options.store,
    limiters: options.limiters,
    scans,
    budget: options.budget ?? new SessionBudget(),
    loop: options.loop ?? new LoopDetector(),
    deadlineMs: options.deadlineMs,
    cacheFor: (clientId) => tenantCache(options.store, clientId),
    async purge(clientId) {
      scans.purge(clientId);
      await tenantCache(options.store, clientId).clear();
    },
  };
}
