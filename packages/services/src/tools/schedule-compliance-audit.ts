// Tool 11: creates, lists or cancels the client's recurring audits; the worker runs them. The next
// run is computed by core's computeSchedule (the first future occurrence in the timezone).
import { computeSchedule } from "@tagc/core";
import { auditSchedules } from "@tagc/db";
import { z } from "zod";
import { deliverInput, emailsOf, parseDelivery } from "../alerts/targets";
import { recordAudit } from "../audit/record";
import { invalid, ServiceError } from "../errors";
import { cancelSchedule } from "../schedules/cancel";
import { listSchedules } from "../schedules/list";
import { scheduleView } from "../schedules/view";
import { scoped } from "../scoped";
import { defineTool } from "./define";
import { resourceTypes, scalar } from "./inputs";
import { resolveResourceTypes } from "./scan/scope";

export const scheduleComplianceAudit = defineTool({
  name: "schedule_compliance_audit",
  title: "Schedule compliance audits",
  description:
    "Creates (default), lists or cancels audits: daily, weekly (Mon) or monthly (1st) at HH:MM in an IANA timezone. Each run stores a snapshot and reports to recipients and deliver.",
  input: z.strictObject({
    action: scalar(z.enum(["create", "list", "cancel"])).optional(),
    schedule: scalar(z.enum(["daily", "weekly", "monthly"])).optional(),
    time: z.string().max(5).optional().describe("HH:MM, 24-hour"),
    timezone: z.string().max(64).optional().describe("IANA, e.g. Europe/Paris; default UTC"),
    resource_types: resourceTypes.optional(),
    // Checked in run (emailsOf), not by z.email(): its pattern alone would cost ~40 tokens of tools/list.
    recipients: z.array(z.string().max(254)).max(20).optional(),
    notification_format: scalar(z.enum(["email", "slack", "both"])).optional(),
    schedule_id: z.string().max(64).optional().describe("For cancel"),
    deliver: deliverInput.optional(),
  }),
  output: z.object({
    action: z.enum(["create", "list", "cancel"]),
    schedules: z.array(
      z.object({ schedule_id: z.string(), next_run: z.string(), cron_expression: z.string() }),
    ),
  }),
  // Listing reads; creating and cancelling change the client's settings.
  mutates: (input) => (input.action ?? "create") !== "list",
  readsAws: false,
  async run(ctx, input) {
    const action = input.action ?? "create";
    // List and cancel are the REST verbs too, so both edges agree (cancel also drops a queued run).
    if (action === "list") return { action, schedules: (await listSchedules({ ctx })).data };
    if (action === "cancel") {
      if (!input.schedule_id)
        throw invalid("schedule_id", "is required to cancel; list the schedules to find it");
      return {
        action,
        schedules: [await cancelSchedule({ ctx, input: { schedule_id: input.schedule_id } })],
      };
    }
    if (!input.schedule) throw invalid("schedule", "is required: daily, weekly or monthly");
    if (!input.time) throw invalid("time", "is required: HH:MM, 24-hour");
    const computed = computeSchedule({
      schedule: input.schedule,
      time: input.time,
      timezone: input.timezone ?? "UTC",
      now: ctx.deps.now(),
    });
    const requested = input.resource_types?.length ? input.resource_types : ["all"];
    const resolved = resolveResourceTypes(requested);
    const recipients = emailsOf("recipients", input.recipients ?? []);
    const delivery = parseDelivery(input.deliver, ctx.deps.alerts);
    // Narrowed above; a closure would see the optional fields again.
    const { schedule: cadence, time: timeOfDay } = input;
    const row = await scoped(ctx, async ({ deps }) => {
      const [inserted] = await deps.db
        .insert(auditSchedules)
        .values({
          clientId: ctx.client.id,
          cadence,
          timeOfDay,
          timezone: computed.timezone,
          cron: computed.cron,
          scope: { resource_types: requested.includes("all") ? ["all"] : resolved },
          recipients,
          notificationFormat: input.notification_format ?? "email",
          delivery,
          nextRunAt: new Date(computed.next_run),
        })
        .returning();
      if (!inserted) throw new ServiceError("INTERNAL", "the schedule was not stored");
      await recordAudit(deps.db, ctx, {
        operation: "schedule.create",
        params: { schedule_id: inserted.id, cadence: inserted.cadence },
      });
      return inserted;
    });
    return { action, schedules: [scheduleView(row)] };
  },
  summarize: ({ action, schedules: [first, ...rest] }) =>
    action === "create" && first
      ? `Scheduled ${first.schedule_id} (${first.cron_expression}); next run ${first.next_run}.`
      : `${(first ? 1 : 0) + rest.length} schedules.`,
});
