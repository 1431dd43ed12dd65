// The runtime pieces every tool call shares, created once at start-up (memory or Redis behind the
// store and limiters) and passed in: nothing of the tool pipeline is module state.
import type { CacheStore } from "../cache/store";
import { type TenantCache, tenantCache } from "../cache/tenant-cache";
import type { GuardrailLimiters } from "../guardrails/limiters";
import { LoopDetector } from "../guardrails/loop-detector";
import { SessionBudget } from "../guardrails/session-budget";
import { NO_OBSERVER, type ToolObserver } from "../observe/observer";
import type { ToolOutcome } from "./call-tool";
import type { ToolOutput } from "./define";
import { PendingRuns } from "./pending";
import type { ScanQueueOptions } from "./scan/fair-queue";
import { bumpRevocationEpoch, ROLE_DATA_PREFIXES } from "./scan/revocation";
import { ScanState } from "./scan/state";

export interface ToolRuntime {
  store: CacheStore;
  limiters: GuardrailLimiters;
  scans: ScanState;
  budget: SessionBudget;
  loop: LoopDetector;
  /** A scan stops at this and returns what it has (partial); it may run past foregroundMs. */
  deadlineMs: number;
  /**
   * How long a call waits for a scanning tool before answering SCAN_IN_PROGRESS while the run goes
   * on (undefined: wait for it). Below the ~60 s claude.ai and Claude Desktop allow a tool call.
   */
  foregroundMs: number | undefined;
  /** Runs that outlived their caller's wait, joined by the next identical call. */
  pending: PendingRuns<ToolOutcome<ToolOutput>>;
  /** Told of every tool call, guardrail refusal and cache lookup (the operator's metrics). */
  observer: ToolObserver;
  cacheFor(clientId: string): TenantCache;
  /** Drops everything this process and the shared store hold for one client (offboarding). */
  purge(clientId: string): Promise<void>;
  /** Drops what was read through the client's role, here and for every replica (TenantData.revoke). */
  revoke(clientId: string): Promise<void>;
  /** TenantData.changed and epochOf: the epoch of what replicas memoise of a client. */
  changed(clientId: string): Promise<void>;
  epochOf(clientId: string): Promise<number | undefined>;
}

const READS_EPOCH = "reads-epoch";
// Longer than any memo it guards (seconds); when it expires the memos see a change once: harmless.
const READS_EPOCH_TTL_S = 86_400;

export interface ToolRuntimeOptions {
  store: CacheStore;
  limiters: GuardrailLimiters;
  deadlineMs: number;
  foregroundMs?: number | undefined;
  budget?: SessionBudget;
  loop?: LoopDetector;
  /** Cold-scan slots of this process (all tenants, and per tenant); defaults 4 and 2. */
  scanQueue?: ScanQueueOptions;
  /** AWS calls all cold scans keep in flight while other calls are in flight (default 2). */
  scanBusyCalls?: number;
  observer?: ToolObserver;
}

export function createToolRuntime(options: ToolRuntimeOptions): ToolRuntime {
  const observer = options.observer ?? NO_OBSERVER;
  const scans = new ScanState(options.scanQueue, observer, options.scanBusyCalls);
  const onLookup = observer.cache.bind(observer);
  const pending = new PendingRuns<ToolOutcome<ToolOutput>>();
  return {
    store: options.store,
    limiters: options.limiters,
    scans,
    budget: options.budget ?? new SessionBudget(),
    loop: options.loop ?? new LoopDetector(),
    deadlineMs: options.deadlineMs,
    foregroundMs: options.foregroundMs,
    pending,
    observer,
    cacheFor: (clientId) => tenantCache(options.store, clientId, onLookup),
    async purge(clientId) {
      scans.purge(clientId);
      pending.purge(clientId);
      const cache = tenantCache(options.store, clientId);
      await cache.clear();
      // After the clear, so the other replicas see a change and drop their memo and credentials too.
      await bumpRevocationEpoch(cache);
    },
    async changed(clientId) {
      await tenantCache(options.store, clientId).incr(READS_EPOCH, READS_EPOCH_TTL_S);
    },
    async epochOf(clientId) {
      const cache = tenantCache(options.store, clientId);
      const epoch = await cache.getJson<number>(READS_EPOCH);
      // A degraded store answers from no shared state: no memo may be trusted on its word.
      return cache.degraded ? undefined : (epoch ?? 0);
    },
    async revoke(clientId) {
      scans.purge(clientId);
      pending.purge(clientId);
      const cache = tenantCache(options.store, clientId);
      // The epoch first: a replica that reads between the two steps already drops its memo.
      await bumpRevocationEpoch(cache);
      scans.epochs.delete(clientId);
      await Promise.all(ROLE_DATA_PREFIXES.map((prefix) => cache.clearPrefix(prefix)));
    },
  };
}
