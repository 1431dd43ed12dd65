// OAuth grants as the resource server and the admin API see them. The resource server reads the
// grant row on every request, so deleting it (here or through the key) stops its tokens at once.
import { type Database, type JsonObject, oauthRecords } from "@tagc/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import type { ClientCtx } from "../context";
import { notFound } from "../errors";
import { findOAuthAccount, type OAuthAccount, parseOAuthAccountId } from "./account";

export interface LiveOAuthGrant extends OAuthAccount {
  grantId: string;
}

const stringOf = (value: unknown) => (typeof value === "string" ? value : undefined);

/** The grant's account when the grant exists, is unexpired and its key and client are still live. */
export async function liveOAuthGrant(
  db: Database,
  grantId: string,
  now: Date,
): Promise<LiveOAuthGrant | undefined> {
  const [row] = await db
    .select()
    .from(oauthRecords)
    .where(and(eq(oauthRecords.kind, "Grant"), eq(oauthRecords.id, grantId)))
    .limit(1);
  // Grant expiry is oidc-provider's, on the wall clock.
  if (!row || (row.expiresAt && row.expiresAt <= new Date())) return undefined;
  const accountId = stringOf(row.payload.accountId);
  const account = accountId ? await findOAuthAccount(db, accountId, now) : undefined;
  return account ? { ...account, grantId } : undefined;
}

function scopesOf(payload: JsonObject): string[] {
  const resources = payload.resources;
  if (typeof resources !== "object" || resources === null) return [];
  const all = Object.values(resources).flatMap((scope) =>
    typeof scope === "string" ? scope.split(" ") : [],
  );
  return [...new Set(all)].filter(Boolean).sort();
}

/** The client's grants: the account id is "client id:key id" (account.ts). */
const grantsOf = (db: Database, clientId: string) =>
  db
    .select()
    .from(oauthRecords)
    .where(
      and(
        eq(oauthRecords.kind, "Grant"),
        sql`split_part(${oauthRecords.payload}->>'accountId', ':', 1) = ${clientId}`,
      ),
    );

export async function listOAuthGrants({ ctx }: { ctx: ClientCtx }) {
  const rows = (await grantsOf(ctx.deps.db, ctx.client.id)).filter(
    (row) => !row.expiresAt || row.expiresAt > new Date(),
  );
  const oauthClientIds = [...new Set(rows.map((row) => stringOf(row.payload.clientId)).filter(Boolean))];
  const registered = oauthClientIds.length
    ? await ctx.deps.db
        .select()
        .from(oauthRecords)
        .where(and(eq(oauthRecords.kind, "Client"), inArray(oauthRecords.id, oauthClientIds as string[])))
    : [];
  const names = new Map(registered.map((row) => [row.id, stringOf(row.payload.client_name) ?? null]));
  return {
    data: rows
      .map((row) => {
        const oauthClientId = stringOf(row.payload.clientId) ?? "";
        return {
          id: row.id,
          oauth_client_id: oauthClientId,
          oauth_client_name: names.get(oauthClientId) ?? null,
          key_id: parseOAuthAccountId(stringOf(row.payload.accountId) ?? "")?.keyId ?? "",
          scopes: scopesOf(row.payload),
          created_at: row.createdAt.toISOString(),
          expires_at: row.expiresAt?.toISOString() ?? null,
        };
      })
      .sort((a, b) => a.created_at.localeCompare(b.created_at)),
  };
}

/** Deletes the grant and every token and code issued under it; another client's grant is "not found". */
export async function revokeOAuthGrant({ ctx, input }: { ctx: ClientCtx; input: { grant_id: string } }) {
  return ctx.deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(oauthRecords)
      .where(and(eq(oauthRecords.kind, "Grant"), eq(oauthRecords.id, input.grant_id)))
      .limit(1)
      .for("update");
    const owner = parseOAuthAccountId(stringOf(row?.payload.accountId) ?? "")?.clientId;
    if (!row || owner !== ctx.client.id) throw notFound(`oauth grant ${input.grant_id}`);
    await tx.delete(oauthRecords).where(eq(oauthRecords.grantId, input.grant_id));
    await recordAudit(tx, ctx, { operation: "oauth_grants.revoke", params: { grant_id: input.grant_id } });
    return { id: input.grant_id, revoked: true as const };
  });
}
