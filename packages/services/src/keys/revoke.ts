import { apiKeys } from "@tagc/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { forgetTenantReads } from "../cache/fresh-reads";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { findClientKey } from "./find";
import { keyView } from "./view";

/**
 * Revocation is a row update read by every request's lookup: this replica refuses the key on its next
 * request (its key cache forgets the client after the commit), other replicas within KEY_CACHE_MS.
 */
export async function revokeApiKey(args: { ctx: ClientCtx; input: { key_id: string } }) {
  const view = await revokeScoped(args);
  await forgetTenantReads(args.ctx.deps, args.ctx.client.id);
  return view;
}

const revokeScoped = tenantScoped(async function revokeApiKey({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: { key_id: string };
}) {
  const now = ctx.deps.now();
  return ctx.deps.db.transaction(async (tx) => {
    const key = await findClientKey(tx, ctx.client.id, input.key_id);
    const [row] = key.revokedAt
      ? [key]
      : await tx
          .update(apiKeys)
          .set({ revokedAt: now })
          .where(and(eq(apiKeys.clientId, ctx.client.id), eq(apiKeys.id, key.id), isNull(apiKeys.revokedAt)))
          .returning();
    await recordAudit(tx, ctx, { operation: "api_keys.revoke", params: { key_id: key.id } });
    return keyView(row ?? key, now);
  });
});
