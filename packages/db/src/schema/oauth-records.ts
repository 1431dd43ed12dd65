import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt, type JsonObject, timestamptz } from "./columns";

/**
 * The OAuth authorization server's state (oidc-provider's adapter): registered clients, grants,
 * authorization codes, refresh tokens, interactions, sessions. One row per (kind, id). Bearer
 * values (codes, refresh tokens, session and interaction ids) are stored as the SHA-256 of the value,
 * so a leaked table holds nothing a caller could present; grant and client ids are identifiers, not
 * credentials, and are stored as they are so the admin API can name them.
 */
export const oauthRecords = pgTable(
  "oauth_records",
  {
    kind: text("kind").notNull(),
    id: text("id").notNull(),
    payload: jsonb("payload").$type<JsonObject>().notNull(),
    grantId: text("grant_id"),
    uid: text("uid"),
    expiresAt: timestamptz("expires_at"),
    consumedAt: timestamptz("consumed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index("oauth_records_grant_id_idx").on(t.grantId),
    index("oauth_records_uid_idx").on(t.uid),
    index("oauth_records_expires_at_idx").on(t.expiresAt),
  ],
);

export type OAuthRecord = typeof oauthRecords.$inferSelect;
