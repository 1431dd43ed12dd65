import { computeSchedule } from "@tagc/core";
import { type AuditSchedule, auditSchedules } from "@tagc/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../../audit/record";
import type { ToolCtx } from "../context";
import { invalidInput, ToolError } from "../errors";
import { resolveResourceTypes } from "../scan/scope";

export interface ScheduleInput {
  action?: "create" | "list" | "cancel" | undefined;
  schedule?: "daily" | "weekly" | "monthly" | undefined;
  time?: string | undefined;
  timezone?: string | undefined;
  resource_types?: string[] | undefined;
  recipients?: string[] | undefined;
  notification_format?: "email" | "slack" | "both" | undefined;
  schedule_id?: string | undefined;
}

const view = (row: AuditSchedule) => ({
  schedule_id: row.id,
  schedule: row.cadence,
  time: row.timeOfDay,
  timezone: row.timezone,
  cron_expression: row.cron,
  next_run: row.nextRunAt.toISOString(),
  last_run: row.lastRunAt?.toISOString() ?? null,
  resource_types: (row.scope.resource_types as string[] | undefined) ?? [],
  recipients: row.recipients,
  notification_format: row.notificationFormat,
  status: row.status,
});

/** Persists, lists or cancels the client's audit schedules; the worker runs them. */
export async function scheduleComplianceAudit({ ctx, input }: { ctx: ToolCtx; input: ScheduleInput }) {
  const { db } = ctx.deps;
  const action = input.action ?? "create";
  if (action === "list") {
    const rows = await db
      .select()
      .from(auditSchedules)
      .where(eq(auditSchedules.clientId, ctx.client.id))
      .orderBy(asc(auditSchedules.createdAt));
    return { action, schedules: rows.map(view) };
  }
  if (action === "cancel") {
    if (!input.schedule_id)
      throw invalidInput("schedule_id", "is required to cancel; list the schedules to find it");
    const [row] = await db
      .update(auditSchedules)
      .set({ status: "cancelled" })
      .where(and(eq(auditSchedules.clientId, ctx.client.id), eq(auditSchedules.id, input.schedule_id)))
      .returning();
    if (!row)
      throw new ToolError(
        "NOT_FOUND",
        `schedule_id: ${input.schedule_id} is not one of this client's schedules`,
      );
    await recordAudit(db, ctx, { operation: "schedule.cancel", params: { schedule_id: row.id } });
    return { action, schedules: [view(row)] };
  }
  if (!input.schedule) throw invalidInput("schedule", "is required: daily, weekly or monthly");
  if (!input.time) throw invalidInput("time", "is required: HH:MM, 24-hour");
  const timezone = input.timezone ?? "UTC";
  let computed: ReturnType<typeof computeSchedule>;
  try {
    computed = computeSchedule({ schedule: input.schedule, time: input.time, timezone, now: ctx.deps.now() });
  } catch (error) {
    const field = (error as { field?: string }).field ?? "schedule";
    throw invalidInput(field, (error as Error).message);
  }
  const resourceTypes = resolveResourceTypes(input.resource_types?.length ? input.resource_types : ["all"]);
  const [row] = await db
    .insert(auditSchedules)
    .values({
      clientId: ctx.client.id,
      cadence: input.schedule,
      timeOfDay: input.time,
      timezone: computed.timezone,
      cron: computed.cron,
      scope: {
        resource_types:
          input.resource_types?.includes("all") || !input.resource_types?.length ? ["all"] : resourceTypes,
      },
      recipients: input.recipients ?? [],
      notificationFormat: input.notification_format ?? "email",
      nextRunAt: new Date(computed.next_run),
    })
    .returning();
  await recordAudit(db, ctx, {
    operation: "schedule.create",
    params: { schedule_id: row!.id, cadence: row!.cadence },
  });
  return { action, schedules: [view(row!)] };
}
