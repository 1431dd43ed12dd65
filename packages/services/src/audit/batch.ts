// Tool calls' audit rows, written off the hot path in one statement per tenant per window (see
// writes/tenant-batch.ts for the window, the tenant scoping and what a failed flush does). A warm
// call thereby saves its own insert's round trip and pooled connection.
import type { auditEvents } from "@tagc/db";
import { TenantBatch, type TenantBatchOptions } from "../writes/tenant-batch";
import { insertAuditRows } from "./insert-rows";

export type AuditRow = typeof auditEvents.$inferInsert & { id: string; clientId: string };

export type AuditBatchOptions = TenantBatchOptions;

export class AuditBatch extends TenantBatch<AuditRow> {
  constructor(options: AuditBatchOptions) {
    super(options, {
      // The ids were made when the calls ended: a retry after a lost acknowledgement inserts nothing.
      insert: insertAuditRows,
      queued: (row) => ({ kind: "audit", row }),
    });
  }
}
