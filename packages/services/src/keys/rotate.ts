import { apiKeys } from "@tagc/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { forgetTenantReads } from "../cache/fresh-reads";
import type { ClientCtx } from "../context";
import { conflict } from "../errors";
import { tenantScoped } from "../scoped";
import { findClientKey } from "./find";
import { assertClientActive, insertKey } from "./issue";
import { keyState, keyView } from "./view";

export interface RotateKeyInput {
  key_id: string;
  /** How long the old secret keeps working, so the customer can roll out the new one. */
  overlap_seconds: number;
}

export async function rotateApiKey(args: { ctx: ClientCtx; input: RotateKeyInput }) {
  const rotated = await rotateScoped(args);
  // After the commit: the old key's grace now ends, and a cached copy without it must not outlive it.
  await forgetTenantReads(args.ctx.deps, args.ctx.client.id);
  return rotated;
}

const rotateScoped = tenantScoped(async function rotateApiKey({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: RotateKeyInput;
}) {
  assertClientActive(ctx);
  const now = ctx.deps.now();
  return ctx.deps.db.transaction(async (tx) => {
    const old = await findClientKey(tx, ctx.client.id, input.key_id);
    if (keyState(old, now) !== "active")
      throw conflict(`api key ${old.id} is ${keyState(old, now)} and cannot be rotated`);
    const graceExpiresAt = new Date(now.getTime() + input.overlap_seconds * 1000);
    const [oldRow] = await tx
      .update(apiKeys)
      .set({ graceExpiresAt })
      .where(and(eq(apiKeys.clientId, ctx.client.id), eq(apiKeys.id, old.id)))
      .returning();
    const { row, secret } = await insertKey(tx, ctx, {
      name: old.name,
      scopes: old.scopes,
      expiresAt: old.expiresAt,
      rotatedFromId: old.id,
    });
    await recordAudit(tx, ctx, {
      operation: "api_keys.rotate",
      params: { key_id: old.id, new_key_id: row.id, overlap_seconds: input.overlap_seconds },
    });
    return { ...keyView(row, now), secret, previous: keyView(oldRow!, now) };
  });
});
