import type { JobKind } from "@tagc/db";
import type { JobHandler } from "../types";
import { connectionHealth } from "./connection-health";
import { dailySnapshot } from "./daily-snapshot";
import { deliverAlert } from "./deliver-alert";
import { policySync } from "./policy-sync";
import { scheduledAudit } from "./scheduled-audit";
import { sendReport } from "./send-report";

/** Every job kind's handler; the record type makes a kind without a handler a compile error. */
export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  scheduled_audit: scheduledAudit,
  daily_snapshot: dailySnapshot,
  connection_health: connectionHealth,
  policy_sync: policySync,
  send_report: sendReport,
  deliver_alert: deliverAlert,
};
