import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, type JsonObject, oneOf } from "./columns";
import { clientIdColumn } from "./tenant";

export const USAGE_KINDS = ["scan", "resource"] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/**
 * Metering. The idempotency key is derived from (client, period, ARN) for `resource` events, so a
 * retried scan inserts nothing new (`on conflict do nothing`) and a resource counts once per month.
 * Kept after offboarding (plain foreign keys, see tenant.ts).
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: idColumn("use"),
    clientId: clientIdColumn(),
    // The billing month, `YYYY-MM` (UTC).
    period: text("period").notNull(),
    kind: text("kind", { enum: USAGE_KINDS }).notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    quantity: integer("quantity").notNull().default(1),
    metadata: jsonb("metadata").$type<JsonObject>(),
    createdAt: createdAt(),
  },
  (t) => [
    check("usage_events_period_check", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("usage_events_kind_check", oneOf(t.kind, USAGE_KINDS)),
    check("usage_events_quantity_check", sql`${t.quantity} > 0`),
    // Quota checks and the usage endpoint sum one client's month by kind.
    index("usage_events_client_id_period_kind_idx").on(t.clientId, t.period, t.kind),
  ],
);

export type UsageEvent = typeof usageEvents.$inferSelect;
export type NewUsageEvent = typeof usageEvents.$inferInsert;
