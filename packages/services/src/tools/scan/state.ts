// The scan pipeline's process state, created once by the runtime and passed in through the tool
// context (never module state): memoised scans, analyses and spend, and the cold scans in flight.
// Offboarding and revocation purge one client's entries through `purge`.

import type { Computed } from "./analyse";
import type { Spend } from "./costs";
import type { AccountScan } from "./discover";
import { Flights, TenantMemo } from "./memo";
import type { StampedScan } from "./types";

export class ScanState {
  readonly scans = new TenantMemo<StampedScan>();
  readonly analyses = new TenantMemo<Computed>();
  readonly spend = new TenantMemo<Spend>();
  /**
   * Cold scans in flight: a burst of identical cold calls shares one discovery instead of each
   * starting its own (which would multiply the AWS calls, exhaust the customer's API quotas and push
   * every scan past its deadline).
   */
  readonly flights = new Flights<AccountScan>();
  /** The revocation epoch this replica last saw per client (scan/revocation.ts). */
  readonly epochs = new Map<string, number>();

  purge(clientId: string): void {
    this.scans.purge(clientId);
    this.analyses.purge(clientId);
    this.spend.purge(clientId);
  }
}
