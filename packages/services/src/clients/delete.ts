import { apiKeys, auditSchedules, awsConnections, clients, downloads } from "@tagc/db";
import { and, eq, isNull, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { forgetTenantReads } from "../cache/fresh-reads";
import type { ClientCtx } from "../context";
import { loadClient } from "./load";
import { clientView } from "./view";

/**
 * Offboards a client: keys revoked, connections closed, schedules cancelled, downloads deleted,
 * cached credentials dropped. Audit and usage rows stay for the retention period; the customer's AWS account is not
 * touched (they delete the stack, which revokes our access at once).
 */
export async function deleteClient({ ctx }: { ctx: ClientCtx }) {
  const now = ctx.deps.now();
  if (ctx.client.status === "deleted") return { ...clientView(ctx.client), revoked_keys: 0 };
  const result = await ctx.deps.db.transaction(async (tx) => {
    // The client row first, and only if not yet deleted: a concurrent offboarding waits on this row,
    // then finds it deleted and does nothing, so keys, the audit row and the hook are handled once.
    const [client] = await tx
      .update(clients)
      .set({ status: "deleted", deletedAt: now, statusReason: "offboarded" })
      .where(and(eq(clients.id, ctx.client.id), ne(clients.status, "deleted")))
      .returning();
    if (!client) return null;
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.clientId, ctx.client.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    await tx
      .update(awsConnections)
      .set({ status: "deleted", nextCheckAt: null, leaseOwner: null, leaseExpiresAt: null })
      .where(eq(awsConnections.clientId, ctx.client.id));
    await tx
      .update(auditSchedules)
      .set({ status: "cancelled" })
      .where(eq(auditSchedules.clientId, ctx.client.id));
    // Exports hold resource data: none outlives the offboarding, even before its URL expires.
    await tx.delete(downloads).where(eq(downloads.clientId, ctx.client.id));
    await recordAudit(tx, ctx, { operation: "clients.delete", params: { revoked_keys: revoked.length } });
    return { client, revokedKeys: revoked.length };
  });
  if (!result) return { ...clientView(await loadClient(ctx.deps.db, ctx.client.id)), revoked_keys: 0 };
  // After the commit: no credential, cached key or cached scan of this tenant outlives its offboarding.
  await forgetTenantReads(ctx.deps, ctx.client.id);
  ctx.deps.broker.invalidate(ctx.client.id);
  await ctx.deps.tenantData.purge(ctx.client.id);
  return { ...clientView(result.client), revoked_keys: result.revokedKeys };
}
