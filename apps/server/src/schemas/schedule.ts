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
    deliver: z
      .object({
        email: z.array(z.string()),
        slack: z
          .string()
          .nullable()
          .openapi({ description: "Masked: scheme and host only", example: "https://hooks.slack.com/…" }),
        teams: z.string().nullable().openapi({ description: "Masked: scheme and host only" }),
        owners: z
          .object({
            tag: z.string().openapi({ example: "Owner" }),
            to: z.record(z.string(), z.string()).openapi({ example: { "team-web": "web@acme.example" } }),
            fallback: z.string().nullable(),
          })
          .nullable(),
      })
      .openapi({
        description: "The schedule's own alert targets (beside the operator notifier's recipients)",
      }),
    status: z.enum(["active", "cancelled"]),
    created_at: z.string(),
  })
  .openapi("AuditSchedule");

export const ScheduleListSchema = z.object({ data: z.array(ScheduleSchema) }).openapi("AuditScheduleList");

export const ScheduleParams = ClientIdParam.extend({
  scheduleId: pathId("scheduleId", "sch_01jd3k7w9m2x4q8v6r5t0b1c2d"),
});

export const DeliverySchema = z
  .object({
    delivery_id: z.string().openapi({ example: "dlv_01jd3k7w9m2x4q8v6r5t0b1c2d" }),
    schedule_id: z.string(),
    run_at: z.string().openapi({ description: "The run the alert reports, ISO-8601 UTC" }),
    channel: z.enum(["email", "slack", "teams"]),
    target: z.string().openapi({
      description: "The addresses, or the webhook's scheme and host",
      example: "https://hooks.slack.com/…",
    }),
    owner: z.string().nullable().openapi({
      description: 'The owner tag value of a routed digest; "" for the fallback; null for the full digest',
    }),
    attempt: z.number().int(),
    outcome: z.enum(["delivered", "retry", "failed"]),
    error: z.string().nullable().openapi({ example: "the webhook answered 500" }),
    at: z.string(),
  })
  .openapi("AlertDelivery");

export const DeliveryListSchema = z.object({ data: z.array(DeliverySchema) }).openapi("AlertDeliveryList");
