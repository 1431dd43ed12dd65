import type { usageEvents } from "@tagc/db";
import { scanIdempotencyKey } from "./keys";

/** What a scan's usage rows are made of (record.ts adds the ARNs and the database). */
export interface ScanEventInput {
  /** From ctx.client.id, never from input. */
  clientId: string;
  now: Date;
  /** The tool call's request id: a retried call records its scan event once. */
  requestId: string;
  tool: string;
  accountId: string;
  regions: readonly string[];
}

/** One tool call's `scan` usage row: idempotent by (client, request, account), so a retry counts once. */
export function scanEventRow(input: ScanEventInput, period: string, resources: number) {
  return {
    clientId: input.clientId,
    period,
    kind: "scan" as const,
    // The caller's clock, as for snapshots: a day of the usage chart is a day of this period.
    createdAt: input.now,
    idempotencyKey: scanIdempotencyKey(input.clientId, input.requestId, input.accountId),
    // `regions` feeds the usage endpoint's "regions covered"; no ARN is stored anywhere in usage.
    metadata: {
      tool: input.tool,
      account_id: input.accountId,
      regions: [...new Set(input.regions)].sort(),
      resources,
    },
  } satisfies typeof usageEvents.$inferInsert;
}
