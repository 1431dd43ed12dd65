import { computeSchedule } from "@tagc/core";
import { auditSchedules } from "@tagc/db";
import { recordAudit } from "../../audit/record";
import { cancelSchedule } from "../../schedules/cancel";
import { listSchedules } from "../../schedules/list";
import { scheduleView } from "../../schedules/view";
import type { ToolCtx } from "../context";
import { invalidInput } from "../errors";
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

/** Persists, lists or cancels the client's audit schedules; the worker runs them. */
export async function scheduleComplianceAudit({
  ctx,
  input,
}: {
  ctx: ToolCtx;
  input: ScheduleInput;
}): Promise<{ action: "create" | "list" | "cancel"; schedules: ReturnType<typeof scheduleView>[] }> {
  const { db } = ctx.deps;
  const action = input.action ?? "create";
  // List and cancel are the REST verbs too, so both edges agree (cancel also drops a queued run).
  if (action === "list") return { action, schedules: (await listSchedules({ ctx })).data };
  if (action === "cancel") {
    if (!input.schedule_id)
      throw invalidInput("schedule_id", "is required to cancel; list the schedules to find it");
    return { action, schedules: [await cancelSchedule({ ctx, input: { schedule_id: input.schedule_id } })] };
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
  return { action, schedules: [scheduleView(row!)] };
}
