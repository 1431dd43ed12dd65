import { apiKeys, auditSchedules, awsConnections, clients } from "@tagc/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import type { ClientCtx } from "../context";
import { clientView } from "./view";

/**
 * Offboards a client: keys revoked, connections closed, schedules cancelled, cached credentials
 * dropped. Audit and usage rows stay for the retention period; the customer's AWS account is not
 * touched (they delete the stack, which revokes our access at once).
 */
export async function deleteClient({ ctx }: { ctx: ClientCtx }) {
  const now = ctx.deps.now();
  if (ctx.client.status === "deleted") return { ...clientView(ctx.client), revoked_keys: 0 };
  const result = await ctx.deps.db.transaction(async (tx) => {
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
    const [client] = await tx
      .update(clients)
      .set({ status: "deleted", deletedAt: now, statusReason: "offboarded" })
      .where(eq(clients.id, ctx.client.id))
      .returning();
    await recordAudit(tx, ctx, { operation: "clients.delete", params: { revoked_keys: revoked.length } });
    return { client: client!, revokedKeys: revoked.length };
  });
  // After the commit: no credential or cached scan of this tenant outlives its offboarding.
  ctx.deps.broker.invalidate(ctx.client.id);
  await ctx.deps.onOffboard?.(ctx.client.id);
  return { ...clientView(result.client), revoked_keys: result.revokedKeys };
}
