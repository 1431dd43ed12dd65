import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, type JsonObject } from "./columns";

/**
 * The authorization server's token signing keys, shared by every replica. The newest signs; older
 * ones stay published in the JWKS until every token they signed has expired (rotation).
 */
export const oauthSigningKeys = pgTable("oauth_signing_keys", {
  kid: text("kid").primaryKey(),
  /** The private JWK (with its kid and alg). */
  privateJwk: jsonb("private_jwk").$type<JsonObject>().notNull(),
  createdAt: createdAt(),
});

export type OAuthSigningKey = typeof oauthSigningKeys.$inferSelect;
