import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { createdAt, idColumn, type JsonObject, oneOf } from "./columns";
import { clientIdColumn } from "./tenant";

export const AUDIT_ACTORS = ["admin", "api_key", "system"] as const;
export type AuditActor = (typeof AUDIT_ACTORS)[number];

export const AUDIT_OUTCOMES = ["ok", "error"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * One row per REST operation or MCP tool call, written in the same transaction as the work. Kept after
 * offboarding (plain foreign keys, see tenant.ts).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: idColumn("evt"),
    clientId: clientIdColumn(),
    // Keys are revoked, never deleted, so this reference stays valid.
    apiKeyId: text("api_key_id").references(() => apiKeys.id),
    actor: text("actor", { enum: AUDIT_ACTORS }).notNull(),
    // The tool name or the route's operationId.
    operation: text("operation").notNull(),
    // Sanitized by the caller: never a secret, an External ID or credentials.
    params: jsonb("params").$type<JsonObject>().notNull().default({}),
    outcome: text("outcome", { enum: AUDIT_OUTCOMES }).notNull(),
    errorCode: text("error_code"),
    durationMs: integer("duration_ms").notNull(),
    requestId: text("request_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("audit_events_actor_check", oneOf(t.actor, AUDIT_ACTORS)),
    check("audit_events_outcome_check", oneOf(t.outcome, AUDIT_OUTCOMES)),
    check("audit_events_duration_ms_check", sql`${t.durationMs} >= 0`),
    // Serves the audit page newest first: `where client_id = $1 order by created_at desc, id desc`,
    // with (created_at, id) as the keyset cursor. NULLS FIRST is what a plain `desc` means in Postgres;
    // drizzle's default here is NULLS LAST, which that query could not read in index order.
    index("audit_events_client_id_created_at_id_idx").on(
      t.clientId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
