import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, timestamptz } from "./columns";
import { clientIdColumn } from "./tenant";

/**
 * A bulk result too big to hand a model inline (a violations CSV, an automation export, a combined
 * Custodian file), kept briefly behind a signed URL. In the database, not process memory, so any
 * replica serves a URL another one issued. Short-lived: rows past their expiry (plus a grace period,
 * so a late click hears "expired" rather than "not found") are deleted when the client makes the next
 * one, and offboarding deletes them all.
 */
export const downloads = pgTable(
  "downloads",
  {
    id: idColumn("dwn"),
    clientId: clientIdColumn(),
    /** The tool that produced it, for the audit trail and the file name. */
    tool: text("tool").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    body: text("body").notNull(),
    rows: integer("rows").notNull(),
    bytes: integer("bytes").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("downloads_client_id_expires_at_idx").on(t.clientId, t.expiresAt)],
);

export type Download = typeof downloads.$inferSelect;
export type NewDownload = typeof downloads.$inferInsert;
