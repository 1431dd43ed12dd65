import type { Notifier, ReportNotification } from "./notifier";

export type LogFn = (entry: Record<string, unknown>, message: string) => void;

/**
 * The embedded default: one log line per report. It carries the numbers and how many recipients, not
 * the report itself or the addresses, which are tenant data and do not belong in operators' logs.
 */
export class LogNotifier implements Notifier {
  readonly kind = "log";
  constructor(private readonly log: LogFn) {}

  async send(notification: ReportNotification): Promise<void> {
    this.log(
      {
        client_id: notification.client_id,
        schedule_id: notification.schedule_id,
        run_at: notification.run_at,
        format: notification.format,
        recipients: notification.recipients.length,
        ...notification.summary,
      },
      "compliance report ready",
    );
  }
}
