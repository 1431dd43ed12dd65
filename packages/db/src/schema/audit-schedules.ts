import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, type JsonObject, oneOf, timestamptz, updatedAt } from "./columns";
import { clientIdColumn } from "./tenant";

export const SCHEDULE_CADENCES = ["daily", "weekly", "monthly"] as const;
export type ScheduleCadence = (typeof SCHEDULE_CADENCES)[number];

export const NOTIFICATION_FORMATS = ["email", "slack", "both"] as const;
export type NotificationFormat = (typeof NOTIFICATION_FORMATS)[number];

/**
 * Where a schedule's alerts go, beside the operator-wide notifier that `recipients` feed: e-mail
 * addresses (SMTP), a Slack and a Teams incoming-webhook URL, and an owner-routed digest (each value of
 * the owner tag gets only its resources' violations; `fallback` gets the resources without a mapped
 * owner). Webhook URLs carry their channel's token: never logged, masked in every view.
 */
export interface ScheduleDelivery {
  email?: string[];
  slack?: string;
  teams?: string;
  owners?: { tag: string; to: Record<string, string>; fallback?: string };
}

export const SCHEDULE_STATUSES = ["active", "cancelled"] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** Recurring compliance audits (the `schedule_compliance_audit` tool); the worker stores `scheduled` snapshots. */
export const auditSchedules = pgTable(
  "audit_schedules",
  {
    id: idColumn("sch"),
    clientId: clientIdColumn(),
    cadence: text("cadence", { enum: SCHEDULE_CADENCES }).notNull(),
    // HH:MM, 24-hour, in `timezone` (an IANA name validated by the caller).
    timeOfDay: text("time_of_day").notNull(),
    timezone: text("timezone").notNull(),
    // Derived from cadence and time, stored so the worker and the tool output agree on it.
    cron: text("cron").notNull(),
    scope: jsonb("scope").$type<JsonObject>().notNull().default({}),
    recipients: jsonb("recipients").$type<string[]>().notNull().default([]),
    notificationFormat: text("notification_format", { enum: NOTIFICATION_FORMATS }).notNull(),
    delivery: jsonb("delivery").$type<ScheduleDelivery>().notNull().default({}),
    nextRunAt: timestamptz("next_run_at").notNull(),
    lastRunAt: timestamptz("last_run_at"),
    status: text("status", { enum: SCHEDULE_STATUSES }).notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("audit_schedules_cadence_check", oneOf(t.cadence, SCHEDULE_CADENCES)),
    check("audit_schedules_time_of_day_check", sql`${t.timeOfDay} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check("audit_schedules_notification_format_check", oneOf(t.notificationFormat, NOTIFICATION_FORMATS)),
    check("audit_schedules_status_check", oneOf(t.status, SCHEDULE_STATUSES)),
    index("audit_schedules_client_id_idx").on(t.clientId),
    // The one index not led by client_id: the worker looks for due schedules across all tenants
    // (`where status = 'active' and next_run_at <= now()`), then works on each row for its own client.
    index("audit_schedules_status_next_run_at_idx").on(t.status, t.nextRunAt),
  ],
);

export type AuditSchedule = typeof auditSchedules.$inferSelect;
export type NewAuditSchedule = typeof auditSchedules.$inferInsert;
