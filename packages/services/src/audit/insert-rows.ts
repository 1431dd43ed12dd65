// One tenant's batch of audit rows in one statement, one array parameter per column (unnest). A
// drizzle multi-row insert builds and checks one parameter per value, eleven a row: for the warm
// tool calls' batches that cost more CPU than the rest of their audit. Same rows, same defaults
// (params {}, created_at now()), same ON CONFLICT (id) DO NOTHING that makes a retry insert nothing.
import { auditEvents, type Database } from "@tagc/db";
import { sql } from "drizzle-orm";
import type { AuditRow } from "./batch";

export function insertAuditRows(db: Database, rows: readonly AuditRow[]) {
  // Every column goes as text[]: both drivers send a list of strings (and nulls) the same way.
  const column = (pick: (row: AuditRow) => string | null | undefined) =>
    sql`${sql.param(rows.map((row) => pick(row) ?? null))}::text[]`;
  return db.execute(sql`
    insert into ${auditEvents} (id, client_id, api_key_id, actor, operation, params, outcome,
      error_code, duration_ms, request_id, created_at)
    select id, client_id, api_key_id, actor, operation, coalesce(params::jsonb, '{}'::jsonb), outcome,
      error_code, duration_ms::integer, request_id, coalesce(created_at::timestamptz, now())
    from unnest(
      ${column((r) => r.id)}, ${column((r) => r.clientId)}, ${column((r) => r.apiKeyId)},
      ${column((r) => r.actor)}, ${column((r) => r.operation)},
      ${column((r) => (r.params === undefined ? null : JSON.stringify(r.params)))},
      ${column((r) => r.outcome)}, ${column((r) => r.errorCode)}, ${column((r) => String(r.durationMs))},
      ${column((r) => r.requestId)}, ${column((r) => r.createdAt?.toISOString())}
    ) as batch(id, client_id, api_key_id, actor, operation, params, outcome, error_code, duration_ms,
      request_id, created_at)
    on conflict (id) do nothing`);
}
