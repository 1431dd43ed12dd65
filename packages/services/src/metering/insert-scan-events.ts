// Warm calls' scan events in one statement per tenant, one array parameter per column (unnest),
// instead of a drizzle multi-row insert that builds and checks a parameter per value. The rows are
// scanEventRow's, with the column defaults drizzle would fill in (a new `use_` id, quantity 1), and
// the same ON CONFLICT (idempotency_key) DO NOTHING, so a retried flush counts nothing twice.
import { type Database, newId, usageEvents } from "@tagc/db";
import { sql } from "drizzle-orm";
import { billingPeriod } from "../usage/quota";
import type { ScanEvent } from "./batch";
import { scanEventRow } from "./scan-event";

export function insertScanEvents(db: Database, events: readonly ScanEvent[]) {
  const rows = events.map((event) => scanEventRow(event, billingPeriod(event.now), 0));
  // Every column goes as text[]: both drivers send a list of strings the same way.
  const column = (values: string[]) => sql`${sql.param(values)}::text[]`;
  return db.execute(sql`
    insert into ${usageEvents} (id, client_id, period, kind, idempotency_key, metadata, created_at)
    select id, client_id, period, 'scan', idempotency_key, metadata::jsonb, created_at::timestamptz
    from unnest(
      ${column(rows.map(() => newId("use")))}, ${column(rows.map((r) => r.clientId))},
      ${column(rows.map((r) => r.period))}, ${column(rows.map((r) => r.idempotencyKey))},
      ${column(rows.map((r) => JSON.stringify(r.metadata)))},
      ${column(rows.map((r) => r.createdAt.toISOString()))}
    ) as batch(id, client_id, period, idempotency_key, metadata, created_at)
    on conflict (idempotency_key) do nothing`);
}
