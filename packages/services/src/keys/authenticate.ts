// Bearer API key → client. Without a cache every request looks the hash up (an indexed read); with
// one (keys/cache.ts, the MCP edge's hot path) an accepted key is memoised, and a revocation on any
// replica is still seen on the next request through the client's shared epoch (cache/fresh-reads.ts).
// The client comes from the key, never from input.
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
  if (!cache) return lookUp(db, hash, now, undefined);
  const cached = await cache.get(hash);
  if (cached) return accept(db, cached, now);
  // Concurrent misses of one key (its memo just expired under load) share one read.
  const miss = await cache.missed(hash, () => lookUp(db, hash, now, cache));
  return "hit" in miss ? accept(db, miss.hit, now) : miss.read;
}

/** The key's row from the database, checked, and memoised when accepted. */
async function lookUp(db: Database, hash: string, now: Date, cache: ApiKeyCache | undefined) {
  const generation = cache?.generation ?? 0;
  const row = (await prepared(db, "keyByHash").execute({ hash }))[0];
  if (!row) return { ok: false, reason: "unknown" } as const;
  const result = await accept(db, row, now);
  // The epoch is read after the row (the key names the client): a change committed in between is
  // missed until the TTL, the one race the shared epoch leaves open here.
  if (result.ok && cache)
    cache.set(hash, row.client.id, result, { generation, epoch: await cache.epoch(row.client.id) });
  return result;
}

type KeyRow = Pick<Extract<AuthResult, { ok: true }>, "client" | "key">;

/** The checks every request makes, on a memoised row too: an expiry or a rotation's grace holds on time. */
async function accept(db: Database, row: KeyRow, now: Date): Promise<AuthResult> {
  const state = keyState(row.key, now);
  if (state === "revoked") return { ok: false, reason: "revoked" };
  if (state === "expired") return { ok: false, reason: "expired" };
  if (row.client.status === "deleted") return { ok: false, reason: "client_deleted" };
  // last_used_at is written at most once a minute per key, to keep hot keys from hammering one row;
  // the memoised row takes the new time before the write, so concurrent hits do not all write it.
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    row.key = { ...row.key, lastUsedAt: now };
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, threshold))),
      );
  }
  return { ok: true, client: row.client, key: row.key };
}
