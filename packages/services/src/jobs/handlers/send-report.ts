// Hands a scheduled audit's report to the notifier. Its own job so a failing relay is retried with
// back-off without scanning the account again.
import type { ReportNotification } from "../notify/notifier";
import { liveClient } from "../steps/tenant";
import type { JobHandler, JobOutcome } from "../types";

export const sendReport: JobHandler = {
  kind: "send_report",
  async run({ deps, job }): Promise<JobOutcome> {
    // An offboarded client's reports are not sent: its recipients may no longer expect them.
    const client = await liveClient(deps.services.db, job.clientId);
    if (!client) return { skipped: true, result: { reason: "client_deleted" } };
    const notification = job.payload as unknown as ReportNotification;
    await deps.notifier.send(notification);
    return { result: { notifier: deps.notifier.kind, recipients: notification.recipients.length } };
  },
};
