import type { AuditSchedule } from "@tagc/db";

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
  status: row.status,
  created_at: row.createdAt.toISOString(),
});
