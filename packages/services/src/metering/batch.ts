// Warm tool calls' `scan` usage events, written off the hot path like audit rows (one statement per
// tenant per window; see writes/tenant-batch.ts). Only events without per-ARN rows come here: a
// warm call on an already metered scan records its scan event and nothing else, so it need not wait
// for the database; a cold scan's resource rows, which the quota reads, are still written before it
// answers (tools/scan/meter.ts).
import { TenantBatch, type TenantBatchOptions } from "../writes/tenant-batch";
import { insertScanEvents } from "./insert-scan-events";
import type { ScanEventInput } from "./scan-event";

/** A scan event with no ARNs to meter (the scan's resources were metered by an earlier call). */
export type ScanEvent = ScanEventInput & { arns: readonly [] };

export class UsageBatch extends TenantBatch<ScanEvent> {
  constructor(options: TenantBatchOptions) {
    super(options, {
      insert: insertScanEvents,
      // Idempotent by its key: the queue's retry after a lost acknowledgement counts nothing twice.
      queued: (event) => ({ kind: "usage", input: event }),
    });
  }
}
