// Where scheduled audit reports go. One implementation is chosen at start-up: a webhook when one is
// configured, else the log (the embedded default, which needs nothing outside the process).
import type { NotificationFormat } from "@tagc/db";

export interface ReportNotification {
  client_id: string;
  client_name: string;
  schedule_id: string;
  /** The due instant of the run this report belongs to (ISO-8601 UTC). */
  run_at: string;
  recipients: string[];
  format: NotificationFormat;
  subject: string;
  summary: {
    /** null when nothing was read or in scope. */
    compliance_score: number | null;
    total_resources: number;
    compliant_resources: number;
    violations: number;
    data_quality: "complete" | "partial";
  };
  /** For `email` and `both`: the Markdown report. */
  email: { subject: string; markdown: string } | null;
  /** For `slack` and `both`: a short message in Slack's mrkdwn. */
  slack: { text: string } | null;
}

export interface Notifier {
  readonly kind: string;
  /** Throws when the report could not be handed over: the delivery job retries with back-off. */
  send(notification: ReportNotification): Promise<void>;
}
