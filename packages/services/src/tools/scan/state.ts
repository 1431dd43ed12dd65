// The scan pipeline's process state, created once by the runtime and passed in through the tool
// context (never module state): memoised scans, analyses and spend, and the cold scans in flight.
// Offboarding and revocation purge one client's entries through `purge`.

import { type CacheKind, NO_OBSERVER, type ToolObserver } from "../../observe/observer";
import type { Computed } from "./analyse";
import type { Spend } from "./costs";
import type { AccountScan } from "./discover";
import { ScanQueue, type ScanQueueOptions } from "./fair-queue";
import { Flights, TenantMemo } from "./memo";
import { ScanPacer } from "./pacer";
import type { StampedScan } from "./types";

export const DEFAULT_SCAN_QUEUE: ScanQueueOptions = { capacity: 4, perClient: 2 };
/** AWS calls all cold scans keep in flight together while other calls wait for the event loop. */
export const DEFAULT_SCAN_BUSY_CALLS = 2;
const MEMO_ENTRIES = 16;

export class ScanState {
  readonly scans: TenantMemo<StampedScan>;
  readonly analyses: TenantMemo<Computed>;
  readonly spend: TenantMemo<Spend>;
  /**
   * Cold scans in flight: a burst of identical cold calls shares one discovery instead of each
   * starting its own (which would multiply the AWS calls, exhaust the customer's API quotas and push
   * every scan past its deadline).
   */
  readonly flights = new Flights<AccountScan>();
  /** The revocation epoch this replica last saw per client (scan/revocation.ts). */
  readonly epochs = new Map<string, number>();
  /** The cold-scan slots, shared fairly across tenants. */
  readonly queue: ScanQueue;
  /** Paces the cold scans' AWS calls while other calls are in flight (scan/pacer.ts). */
  readonly pacer: ScanPacer;

  constructor(
    queue: ScanQueueOptions = DEFAULT_SCAN_QUEUE,
    observer: ToolObserver = NO_OBSERVER,
    busyCalls = DEFAULT_SCAN_BUSY_CALLS,
  ) {
    this.queue = new ScanQueue(queue);
    this.pacer = new ScanPacer(busyCalls);
    const memo = <T>(cache: CacheKind) =>
      new TenantMemo<T>(MEMO_ENTRIES, (hit) => observer.cache({ cache, tier: "memory", hit }));
    this.scans = memo("scan");
    this.analyses = memo("analysis");
    this.spend = memo("spend");
  }

  purge(clientId: string): void {
    this.scans.purge(clientId);
    this.analyses.purge(clientId);
    this.spend.purge(clientId);
  }
}
