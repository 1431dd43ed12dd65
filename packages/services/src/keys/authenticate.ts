// Bearer API key → client. Without a cache every request looks the hash up (an indexed read), so a
// revocation is seen by every replica on the next request; with one (keys/cache.ts, the MCP edge's
// hot path) a revocation on another replica is seen within the cache's TTL. The client comes from the
// key, never from input.
import { apiKeys, type clients, type Database } from "@tagc/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { prepared } from "../prepared";
import type { ApiKeyCache } from "./cache";
import { hashApiKey, hasValidChecksum } from "./format";
import { keyState } from "./view";

export type AuthResult =
  | { ok: true; client: typeof clients.$inferSelect; key: typeof apiKeys.$inferSelect }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "client_deleted" };

const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiKey(
  db: Database,
  secret: string,
  now: Date,
  cache?: ApiKeyCache,
): Promise<AuthResult> {
  if (!hasValidChecksum(secret)) return { ok: false, reason: "malformed" };
  const hash = hashApiKey(secret);
  const generation = cache?.generation ?? 0;
  const cached = await cache?.get(hash);
  const row = cached ?? (await prepared(db, "keyByHash").execute({ hash }))[0];
  if (!row) return { ok: false, reason: "unknown" };
  // Checked on a cached row too: an expiry or the end of a rotation's grace holds on time.
  const state = keyState(row.key, now);
  if (state === "revoked") return { ok: false, reason: "revoked" };
  if (state === "expired") return { ok: false, reason: "expired" };
  if (row.client.status === "deleted") return { ok: false, reason: "client_deleted" };
  // last_used_at is written at most once a minute per key, to keep hot keys from hammering one row.
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, threshold))),
      );
    row.key = { ...row.key, lastUsedAt: now };
  }
  const accepted = { ok: true as const, client: row.client, key: row.key };
  // The epoch is read after the row (the key names the client): a change committed in between is
  // missed until the TTL, the one race the shared epoch leaves open here.
  if (!cached && cache)
    cache.set(hash, row.client.id, accepted, { generation, epoch: await cache.epoch(row.client.id) });
  return accepted;
}
