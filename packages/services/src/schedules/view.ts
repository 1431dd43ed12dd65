import type { AuditSchedule, ScheduleDelivery } from "@tagc/db";
import { maskWebhookUrl } from "../alerts/webhook-url";

/** The schedule's own targets; webhook URLs masked (their path is the channel's credential). */
export const deliveryView = (delivery: ScheduleDelivery) => ({
  email: delivery.email ?? [],
  slack: delivery.slack ? maskWebhookUrl(delivery.slack) : null,
  teams: delivery.teams ? maskWebhookUrl(delivery.teams) : null,
  owners: delivery.owners
    ? { tag: delivery.owners.tag, to: delivery.owners.to, fallback: delivery.owners.fallback ?? null }
    : null,
});

/** A schedule as REST shows it: the same fields the schedule_compliance_audit tool lists. */
export const scheduleView = (row: AuditSchedule) => ({
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
  deliver: deliveryView(row.delivery),
  status: row.status,
  created_at: row.createdAt.toISOString(),
});
