import { auditSchedules, jobs } from "@tagc/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import type { ClientCtx } from "../context";
import { notFound } from "../errors";
import { tenantScoped } from "../scoped";
import { scheduleView } from "./view";

/**
 * Cancels one of the client's schedules (idempotent), and its run if one is queued but not started:
 * the worker would skip it anyway, this makes the job row say so. A run already under way finishes.
 */
export const cancelSchedule = tenantScoped(async function cancelSchedule({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: { schedule_id: string };
}) {
  const now = ctx.deps.now();
  return ctx.deps.db.transaction(async (tx) => {
    // Filtered by the client from ctx: another tenant's schedule id is simply not found.
    const [row] = await tx
      .update(auditSchedules)
      .set({ status: "cancelled" })
      .where(and(eq(auditSchedules.clientId, ctx.client.id), eq(auditSchedules.id, input.schedule_id)))
      .returning();
    if (!row) throw notFound(`schedule ${input.schedule_id}`);
    const cancelled = await tx
      .update(jobs)
      .set({ status: "cancelled", finishedAt: now, result: { reason: "schedule_cancelled" } })
      .where(
        and(
          eq(jobs.clientId, ctx.client.id),
          eq(jobs.kind, "scheduled_audit"),
          eq(jobs.status, "queued"),
          sql`${jobs.payload}->>'schedule_id' = ${row.id}`,
        ),
      )
      .returning({ id: jobs.id });
    await recordAudit(tx, ctx, {
      operation: "schedules.cancel",
      params: { schedule_id: row.id, cancelled_runs: cancelled.length },
    });
    return scheduleView(row);
  });
});
