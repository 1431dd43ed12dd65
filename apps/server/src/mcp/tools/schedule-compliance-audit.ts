import { scheduleComplianceAudit } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { resourceTypes, scalar } from "../schemas";

export const scheduleComplianceAuditTool = defineTool({
  name: "schedule_compliance_audit",
  title: "Schedule compliance audits",
  description:
    "Creates (default), lists or cancels recurring compliance audits: daily, weekly (Mondays) or monthly (the 1st) at HH:MM in an IANA timezone. The server runs them, stores a scheduled snapshot and hands the report for the recipients to the configured notifier (a webhook relay; logged only when none is configured). next_run is the first future occurrence in that timezone.",
  input: z.strictObject({
    action: scalar(z.enum(["create", "list", "cancel"])).optional(),
    schedule: scalar(z.enum(["daily", "weekly", "monthly"])).optional(),
    time: z.string().max(5).optional().describe("HH:MM, 24-hour"),
    timezone: z.string().max(64).optional().describe("IANA name, e.g. Europe/Paris; default UTC"),
    resource_types: resourceTypes.optional(),
    recipients: z.array(z.email()).max(20).optional(),
    notification_format: scalar(z.enum(["email", "slack", "both"])).optional(),
    schedule_id: z.string().max(64).optional().describe("For cancel"),
  }),
  output: z.looseObject({
    action: z.string(),
    schedules: z.array(z.looseObject({ schedule_id: z.string(), next_run: z.string() })),
  }),
  mutates: (input) => input.action !== "list",
  readsAws: false,
  run: (ctx, input) => scheduleComplianceAudit({ ctx, input }),
  summarize: (r) => {
    const [first] = r.schedules as { schedule_id: string; next_run: string; cron_expression: string }[];
    return r.action === "create" && first
      ? `Scheduled ${first.schedule_id} (${first.cron_expression}); next run ${first.next_run}.`
      : `${(r.schedules as unknown[]).length} schedules.`;
  },
});
