import { alertDeliveries, auditSchedules } from "@tagc/db";
import { and, desc, eq } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { notFound } from "../errors";
import { tenantScoped } from "../scoped";

export const DELIVERIES_LIMIT = 100;

/**
 * The client's latest alert delivery attempts, newest first, optionally for one schedule: what was
 * sent where (addresses, masked webhooks), which attempt, and why one failed.
 */
export const listDeliveries = tenantScoped(async function listDeliveries({
  ctx,
  input = {},
}: {
  ctx: ClientCtx;
  input?: { scheduleId?: string | undefined };
}) {
  const { db } = ctx.deps;
  const mine = eq(alertDeliveries.clientId, ctx.client.id);
  if (input.scheduleId) {
    // Filtered by the client from ctx: another tenant's schedule id is simply not found.
    const [schedule] = await db
      .select({ id: auditSchedules.id })
      .from(auditSchedules)
      .where(and(eq(auditSchedules.clientId, ctx.client.id), eq(auditSchedules.id, input.scheduleId)));
    if (!schedule) throw notFound(`schedule ${input.scheduleId}`);
  }
  const rows = await db
    .select()
    .from(alertDeliveries)
    .where(input.scheduleId ? and(mine, eq(alertDeliveries.scheduleId, input.scheduleId)) : mine)
    .orderBy(desc(alertDeliveries.createdAt), desc(alertDeliveries.id))
    .limit(DELIVERIES_LIMIT);
  return {
    data: rows.map((row) => ({
      delivery_id: row.id,
      schedule_id: row.scheduleId,
      run_at: row.runAt.toISOString(),
      channel: row.channel,
      target: row.target,
      owner: row.owner,
      attempt: row.attempt,
      outcome: row.outcome,
      error: row.error,
      at: row.createdAt.toISOString(),
    })),
  };
});
