import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { newShortId } from "../ids";
import { createdAt, idColumn, oneOf, timestamptz, updatedAt } from "./columns";

export const CLIENT_TIERS = ["starter", "professional", "enterprise"] as const;
export type ClientTier = (typeof CLIENT_TIERS)[number];

/** The verification state machine (ONBOARDING.md), plus `deleted` for offboarded clients. */
export const CLIENT_STATUSES = ["pending", "connected", "degraded", "revoked", "deleted"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/**
 * The tenants. Rows are never hard-deleted: offboarding sets status `deleted` and `deleted_at`, so the
 * audit and usage rows that reference a client (without cascade) outlive it for the retention period.
 */
export const clients = pgTable(
  "clients",
  {
    id: idColumn("cli"),
    // Goes into the customer's IAM role name, so it must stay short and IAM-safe.
    shortId: text("short_id").notNull().unique().$defaultFn(newShortId),
    name: text("name").notNull(),
    contactEmail: text("contact_email").notNull(),
    tier: text("tier", { enum: CLIENT_TIERS }).notNull(),
    status: text("status", { enum: CLIENT_STATUSES }).notNull().default("pending"),
    statusReason: text("status_reason"),
    // The admin's Idempotency-Key header on registration: a retried POST finds the first client.
    idempotencyKey: text("idempotency_key").unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamptz("deleted_at"),
  },
  (t) => [
    check("clients_tier_check", oneOf(t.tier, CLIENT_TIERS)),
    check("clients_status_check", oneOf(t.status, CLIENT_STATUSES)),
    check("clients_short_id_check", sql`${t.shortId} ~ '^[a-z0-9]{8}$'`),
    // `deleted` and `deleted_at` cannot disagree, so either can be trusted by a reader.
    check("clients_deleted_check", sql`(${t.status} = 'deleted') = (${t.deletedAt} is not null)`),
    // Admin listing filters by status and pages by id (ids sort by creation time).
    index("clients_status_id_idx").on(t.status, t.id),
  ],
);

export type Client = typeof clients.$inferSelect;
export type NewClient = typeof clients.$inferInsert;
