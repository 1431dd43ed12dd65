// oidc-provider's persistence, one table for every kind of artifact it keeps. Bearer values (codes,
// refresh tokens, session and interaction ids) are stored as their SHA-256: a leaked table or backup
// holds nothing a caller could present. Clients and grants keep their ids, which are identifiers,
// not credentials (a grant id alone obtains nothing), so the admin API can name them.
import { createHash } from "node:crypto";
import { type Database, type JsonObject, oauthRecords } from "@tagc/db";
import { and, eq, lt } from "drizzle-orm";

const PLAIN_KINDS = new Set(["Client", "Grant"]);

export const storedOAuthId = (kind: string, id: string) =>
  PLAIN_KINDS.has(kind) ? id : createHash("sha256").update(id).digest("hex");

/**
 * oidc-provider keeps a token's value in its payload too (`jti`): it is left out of the stored row
 * and put back from the value the caller presented, which is the only place it still exists.
 */
const storedPayload = (kind: string, payload: JsonObject): JsonObject => {
  if (PLAIN_KINDS.has(kind)) return payload;
  const { jti: _value, ...rest } = payload;
  return rest;
};

/** What oidc-provider's Adapter interface needs, for one model kind. */
export interface OAuthRecordStore {
  upsert(id: string, payload: JsonObject, expiresInSeconds?: number): Promise<void>;
  find(id: string): Promise<JsonObject | undefined>;
  findByUid(uid: string): Promise<JsonObject | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

const live = <T extends { expiresAt: Date | null }>(row: T | undefined, now: Date) =>
  row && (!row.expiresAt || row.expiresAt > now) ? row : undefined;

const withConsumed = (row: { payload: JsonObject; consumedAt: Date | null }) =>
  row.consumedAt ? { ...row.payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : row.payload;

/**
 * Expiry is the wall clock, not the services clock: oidc-provider stamps its artifacts with the
 * real time, and the test clock of the services would otherwise expire them at once.
 */
export function oauthRecordStore(db: Database, kind: string, now = () => new Date()): OAuthRecordStore {
  const key = (id: string) => and(eq(oauthRecords.kind, kind), eq(oauthRecords.id, storedOAuthId(kind, id)));
  return {
    async upsert(id, payload, expiresInSeconds) {
      const values = {
        kind,
        id: storedOAuthId(kind, id),
        payload: storedPayload(kind, payload),
        // A grant's own row carries its id, so deleting by grant id removes it with its tokens.
        grantId: kind === "Grant" ? id : typeof payload.grantId === "string" ? payload.grantId : null,
        uid: typeof payload.uid === "string" ? payload.uid : null,
        expiresAt: expiresInSeconds ? new Date(now().getTime() + expiresInSeconds * 1000) : null,
      };
      await db
        .insert(oauthRecords)
        .values(values)
        .onConflictDoUpdate({
          target: [oauthRecords.kind, oauthRecords.id],
          set: {
            payload: values.payload,
            grantId: values.grantId,
            uid: values.uid,
            expiresAt: values.expiresAt,
          },
        });
    },
    async find(id) {
      const [row] = await db.select().from(oauthRecords).where(key(id)).limit(1);
      const found = live(row, now());
      return found ? { ...withConsumed(found), ...(PLAIN_KINDS.has(kind) ? {} : { jti: id }) } : undefined;
    },
    async findByUid(uid) {
      const [row] = await db
        .select()
        .from(oauthRecords)
        .where(and(eq(oauthRecords.kind, kind), eq(oauthRecords.uid, uid)))
        .limit(1);
      const found = live(row, now());
      return found ? withConsumed(found) : undefined;
    },
    async consume(id) {
      await db.update(oauthRecords).set({ consumedAt: now() }).where(key(id));
    },
    async destroy(id) {
      await db.delete(oauthRecords).where(key(id));
    },
    async revokeByGrantId(grantId) {
      await db
        .delete(oauthRecords)
        .where(and(eq(oauthRecords.kind, kind), eq(oauthRecords.grantId, grantId)));
    },
  };
}

/** Deletes artifacts past their expiry (codes, sessions, interactions, old refresh tokens, grants). */
export async function purgeExpiredOAuthRecords(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(oauthRecords)
    .where(lt(oauthRecords.expiresAt, now))
    .returning({ id: oauthRecords.id });
  return deleted.length;
}
