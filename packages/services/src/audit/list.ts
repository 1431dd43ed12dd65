import { type AuditOutcome, auditEvents } from "@tagc/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { invalid } from "../errors";
import { tenantScoped } from "../scoped";

// The cursor keeps Postgres's microseconds: a JavaScript Date would round them to milliseconds and a
// page boundary inside one millisecond would skip rows.
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
// The id half is checked too: anything else (a NUL, say) would reach Postgres and fail there.
const AUDIT_ID = /^evt_[0-9A-Za-z]+$/;

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!id || !AUDIT_ID.test(id) || !createdAt || !CURSOR_TIME.test(createdAt) || !isRealTime(createdAt))
    throw invalid("cursor", "is not a cursor returned by this endpoint");
  return { createdAt, id };
}

// The shape alone admits "2026-99-99T99:…", which Postgres refuses to cast (an internal error): the
// calendar date and time must exist, checked by a round trip through Date at second precision.
const isRealTime = (time: string) => {
  const ms = Date.parse(`${time.slice(0, 19)}Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === time.slice(0, 19);
};

export interface AuditFilters {
  /** Only this operation (a tool name or a route's operation, e.g. "api_keys.issue"). */
  operation?: string | undefined;
  outcome?: AuditOutcome | undefined;
}

/**
 * The client's audit events, newest first, keyset-paginated on (created_at, id). Tool calls' rows this
 * replica still holds in its batch are written first, so a caller sees every call that has answered
 * here (another replica's last window may still be in flight).
 */
export async function listAudit(args: {
  ctx: ClientCtx;
  input: AuditFilters & { limit: number; cursor?: string | undefined };
}) {
  await args.ctx.deps.audit?.flush();
  return listWritten(args);
}

const listWritten = tenantScoped(async function listWritten({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: AuditFilters & { limit: number; cursor?: string | undefined };
}) {
  const filters: SQL[] = [eq(auditEvents.clientId, ctx.client.id)];
  if (input.operation) filters.push(eq(auditEvents.operation, input.operation));
  if (input.outcome) filters.push(eq(auditEvents.outcome, input.outcome));
  if (input.cursor) {
    const { createdAt, id } = decodeCursor(input.cursor);
    filters.push(sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${createdAt}::timestamptz, ${id})`);
  }
  const rows = await ctx.deps.db
    .select({
      event: auditEvents,
      cursorTime: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(auditEvents)
    .where(and(...filters))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    data: page.map(({ event: e }) => ({
      id: e.id,
      actor: e.actor,
      api_key_id: e.apiKeyId,
      operation: e.operation,
      params: e.params,
      outcome: e.outcome,
      error_code: e.errorCode,
      duration_ms: e.durationMs,
      request_id: e.requestId,
      created_at: e.createdAt.toISOString(),
    })),
    next_cursor:
      rows.length > input.limit && last
        ? Buffer.from(`${last.cursorTime}|${last.event.id}`).toString("base64url")
        : null,
  };
});
