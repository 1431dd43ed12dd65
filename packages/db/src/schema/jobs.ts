import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, type JsonObject, oneOf, timestamptz, updatedAt } from "./columns";
import { clientIdColumn } from "./tenant";

export const JOB_KINDS = [
  "scheduled_audit",
  "daily_snapshot",
  "connection_health",
  "policy_sync",
  "send_report",
  "deliver_alert",
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The durable background queue: one row per unit of work for one client. Workers on every replica
 * claim rows with `FOR UPDATE SKIP LOCKED` and hold them by a lease (`locked_by`, `locked_until`): a
 * worker killed mid-job leaves a `running` row whose lease runs out, and another worker takes it again.
 *
 * Our own table rather than a queue library: pg-boss ≥ 10 needs Node ≥ 22.12 and graphile-worker 0.18
 * Node ≥ 22.18 (we run Node 20); both open their own pg pools from a connection string, keep their own
 * schema outside our migrations (graphile-worker also relies on LISTEN/NOTIFY), and so cannot run on
 * the embedded PGlite, which is one in-process connection. This table is ~10 queries of plain SQL that
 * both drivers run, and it lets a job's writes commit in the same transaction that completes it.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: idColumn("job"),
    clientId: clientIdColumn(),
    kind: text("kind", { enum: JOB_KINDS }).notNull(),
    payload: jsonb("payload").$type<JsonObject>().notNull().default({}),
    // Not claimable before this; a retry moves it forward by the back-off.
    runAt: timestamptz("run_at").notNull().defaultNow(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    // Claims so far, including the current one.
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedBy: text("locked_by"),
    lockedUntil: timestamptz("locked_until"),
    lastError: text("last_error"),
    // What the run did (counts, or why it was skipped), for operators.
    result: jsonb("result").$type<JsonObject>(),
    // Names the unit of work, e.g. `scheduled_audit:<schedule id>:<due instant>`: every replica's
    // scheduler may enqueue it at once, and the unique index keeps exactly one row. Null: no dedupe.
    dedupeKey: text("dedupe_key").unique(),
    finishedAt: timestamptz("finished_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("jobs_kind_check", oneOf(t.kind, JOB_KINDS)),
    check("jobs_status_check", oneOf(t.status, JOB_STATUSES)),
    check("jobs_attempts_check", sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
    // A running row always has a lease, so an abandoned one can always be found and taken again.
    check(
      "jobs_lease_check",
      sql`(${t.status} <> 'running') or (${t.lockedBy} is not null and ${t.lockedUntil} is not null)`,
    ),
    index("jobs_client_id_created_at_idx").on(t.clientId, t.createdAt),
    // The claim query across all tenants: `where status in ('queued', 'running') order by run_at`.
    index("jobs_status_run_at_idx").on(t.status, t.runAt),
  ],
);

export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
