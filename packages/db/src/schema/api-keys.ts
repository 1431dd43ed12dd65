import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, timestamptz } from "./columns";
import { clientIdColumn } from "./tenant";

/**
 * A client's API keys. Only the SHA-256 of the secret is stored; lookups on every request go by hash,
 * before the tenant is known, hence the global unique index on it.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: idColumn("key"),
    clientId: clientIdColumn(),
    name: text("name").notNull(),
    // The first characters of the secret, kept so lists can show which key is which.
    displayPrefix: text("display_prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    // Written at most once a minute per key (ONBOARDING.md), so it is approximate.
    lastUsedAt: timestamptz("last_used_at"),
    expiresAt: timestamptz("expires_at"),
    revokedAt: timestamptz("revoked_at"),
    // Rotation inserts a new key pointing at the old one and gives the old one a grace period: its
    // secret keeps working until `grace_expires_at`, so a customer can roll out the new secret.
    rotatedFromId: text("rotated_from_id").references((): AnyPgColumn => apiKeys.id),
    graceExpiresAt: timestamptz("grace_expires_at"),
  },
  (t) => [
    check("api_keys_secret_hash_check", sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
    index("api_keys_client_id_created_at_idx").on(t.clientId, t.createdAt),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
