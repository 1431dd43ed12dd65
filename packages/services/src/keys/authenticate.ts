// Bearer API key → client. Every request looks the hash up (an indexed read), so a revocation is
// seen by every replica on the next request. The client comes from the key, never from input.
import { apiKeys, type clients, type Database } from "@tagc/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { prepared } from "../prepared";
import { hashApiKey, hasValidChecksum } from "./format";
import { keyState } from "./view";

export type AuthResult =
  | { ok: true; client: typeof clients.$inferSelect; key: typeof apiKeys.$inferSelect }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "client_deleted" };

const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiKey(db: Database, secret: string, now: Date): Promise<AuthResult> {
  if (!hasValidChecksum(secret)) return { ok: false, reason: "malformed" };
  const [row] = await prepared(db, "keyByHash").execute({ hash: hashApiKey(secret) });
  if (!row) return { ok: false, reason: "unknown" };
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
  }
  return { ok: true, client: row.client, key: row.key };
}
