// Token signing keys, shared by every replica through the database. At start-up a replica signs with
// the newest key, or creates one when the newest is older than the rotation age; older keys stay in
// the JWKS for as long as a token they signed can live, then they are dropped.
import { randomBytes } from "node:crypto";
import { type Database, type JsonObject, oauthSigningKeys } from "@tagc/db";
import { desc, inArray } from "drizzle-orm";
import { exportJWK, generateKeyPair } from "jose";

export const OAUTH_SIGNING_ALG = "ES256";

export interface SigningKeyPolicy {
  now: Date;
  /** A key older than this no longer signs: the next start-up creates a successor. */
  rotateAfterMs: number;
  /** How long a retired key stays published (at least the longest access token lifetime). */
  retainMs: number;
}

async function createSigningKey(db: Database, now: Date) {
  const { privateKey } = await generateKeyPair(OAUTH_SIGNING_ALG, { extractable: true });
  const kid = randomBytes(12).toString("base64url");
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: OAUTH_SIGNING_ALG, use: "sig" };
  await db.insert(oauthSigningKeys).values({ kid, privateJwk: jwk, createdAt: now });
}

const newestFirst = (db: Database) =>
  db.select().from(oauthSigningKeys).orderBy(desc(oauthSigningKeys.createdAt), desc(oauthSigningKeys.kid));

/** The private JWKs to load, newest (the signer) first. */
export async function loadSigningKeys(db: Database, policy: SigningKeyPolicy): Promise<JsonObject[]> {
  let rows = await newestFirst(db);
  const newest = rows[0];
  if (!newest || policy.now.getTime() - newest.createdAt.getTime() >= policy.rotateAfterMs) {
    await createSigningKey(db, policy.now);
    rows = await newestFirst(db);
  }
  // A key retires when its successor is created; it keeps verifying for retainMs after that (the
  // longest a token it signed can live), then it is dropped.
  const cutoff = policy.now.getTime() - policy.retainMs;
  const kept = rows.filter((_, i) => i === 0 || (rows[i - 1]?.createdAt.getTime() ?? 0) > cutoff);
  const dropped = rows.filter((row) => !kept.includes(row)).map((row) => row.kid);
  if (dropped.length) await db.delete(oauthSigningKeys).where(inArray(oauthSigningKeys.kid, dropped));
  return kept.map((row) => row.privateJwk);
}

/** The public halves of every stored key: what a resource server verifies access tokens with. */
export async function publicSigningKeys(db: Database): Promise<JsonObject[]> {
  const rows = await newestFirst(db);
  return rows.map(({ privateJwk: { d: _d, ...publicJwk } }) => publicJwk);
}
