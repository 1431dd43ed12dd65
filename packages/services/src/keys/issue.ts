import { apiKeys, type Database, newId } from "@tagc/db";
import { recordAudit } from "../audit/record";
import type { ClientCtx } from "../context";
import { conflict, invalid } from "../errors";
import { tenantScoped } from "../scoped";
import { displayPrefix, generateApiKey, hashApiKey } from "./format";
import { keyView } from "./view";

export const KEY_SCOPES = ["mcp:tools", "mcp:read"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface IssueKeyInput {
  name: string;
  scopes?: KeyScope[] | undefined;
  expires_at?: string | undefined;
}

export function assertClientActive(ctx: ClientCtx) {
  if (ctx.client.status === "deleted") throw conflict(`client ${ctx.client.id} is deleted`);
}

/** Inserts a key row and returns the secret, which exists only in this return value. */
export async function insertKey(
  db: Database,
  ctx: ClientCtx,
  values: { name: string; scopes: string[]; expiresAt: Date | null; rotatedFromId?: string },
) {
  const secret = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      clientId: ctx.client.id,
      name: values.name,
      displayPrefix: displayPrefix(secret),
      secretHash: hashApiKey(secret),
      scopes: values.scopes,
      expiresAt: values.expiresAt,
      rotatedFromId: values.rotatedFromId ?? null,
    })
    .returning();
  return { row: row!, secret };
}

export const issueApiKey = tenantScoped(async function issueApiKey({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: IssueKeyInput;
}) {
  assertClientActive(ctx);
  const now = ctx.deps.now();
  const expiresAt = input.expires_at ? new Date(input.expires_at) : null;
  if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt <= now)) {
    throw invalid("expires_at", "must be a future ISO-8601 date-time");
  }
  return ctx.deps.db.transaction(async (tx) => {
    const { row, secret } = await insertKey(tx, ctx, {
      name: input.name,
      scopes: input.scopes ?? ["mcp:tools"],
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      operation: "api_keys.issue",
      params: { key_id: row.id, name: input.name, scopes: row.scopes },
    });
    return { ...keyView(row, now), secret };
  });
});
