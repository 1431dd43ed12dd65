import { z } from "@hono/zod-openapi";
import { ClientIdParam, pathId } from "./common";

export const ScheduleSchema = z
  .object({
    schedule_id: z.string(),
    schedule: z.enum(["daily", "weekly", "monthly"]),
    time: z.string().openapi({ description: "HH:MM, 24-hour, in `timezone`", example: "09:00" }),
    timezone: z.string().openapi({ example: "Europe/Paris" }),
    cron_expression: z.string().openapi({ example: "0 9 * * 1" }),
    next_run: z
      .string()
      .openapi({ description: "The next run, ISO-8601 UTC", example: "2026-03-30T07:00:00.000Z" }),
    last_run: z.string().nullable(),
    resource_types: z.array(z.string()),
    recipients: z.array(z.string()),
    notification_format: z.enum(["email", "slack", "both"]),
    status: z.enum(["active", "cancelled"]),
    created_at: z.string(),
  })
  .openapi("AuditSchedule");

export const ScheduleListSchema = z.object({ data: z.array(ScheduleSchema) }).openapi("AuditScheduleList");

export const ScheduleParams = ClientIdParam.extend({
  scheduleId: pathId("scheduleId", "sch_01jd3k7w9m2x4q8v6r5t0b1c2d"),
});
