// Delivers one alert of a scheduled audit to one target (an e-mail, a Slack or a Teams webhook) and
// records the attempt. A failure worth retrying throws, so the queue's back-off brings the job back
// (without scanning again); a refusal (blocked address, 4xx, unknown mailbox) is final at once.
import { alertDeliveries } from "@tagc/db";
import { SendFailure } from "../../alerts/config";
import { alertJobPayload, targetOf } from "../../alerts/plan";
import { openWebhookUrl } from "../../alerts/sealed-url";
import { sendAlert } from "../../alerts/send";
import { maskWebhookUrl } from "../../alerts/webhook-url";
import { type JobHandler, type JobOutcome, RetryableJobError } from "../types";
import { loadScheduleJob } from "./schedule-row";

export const deliverAlert: JobHandler = {
  kind: "deliver_alert",
  async run({ deps, job }): Promise<JobOutcome> {
    const { db } = deps.services;
    const loaded = await loadScheduleJob(db, job, alertJobPayload);
    if ("skip" in loaded) return loaded.skip;
    const { payload, client, schedule } = loaded;
    const target = targetOf(schedule.delivery, payload.channel, payload.owner);
    if (!target) return { skipped: true, result: { reason: "target_removed" } };

    let failure: SendFailure | undefined;
    const alerts = deps.services.alerts ?? { allowPrivateTargets: false };
    try {
      // Webhook URLs are stored sealed; opened here, just before the send, and never written anywhere.
      const to =
        target.channel === "email"
          ? target
          : { ...target, url: openWebhookUrl(target.url, alerts.targetSecret) };
      await sendAlert(alerts, to, payload.digest);
    } catch (error) {
      failure = error instanceof SendFailure ? error : new SendFailure("the alert could not be sent", true);
    }
    const retry = failure?.retryable === true && job.attempts < job.maxAttempts;
    const outcome = !failure ? "delivered" : retry ? "retry" : "failed";
    // Written now, not with the job's completion: a failed attempt's transaction never commits, and a
    // failure is exactly what has to be visible.
    await db.insert(alertDeliveries).values({
      clientId: client.id,
      scheduleId: schedule.id,
      runAt: new Date(payload.run_at),
      channel: payload.channel,
      target: target.channel === "email" ? target.to.join(", ") : maskWebhookUrl(target.url),
      owner: payload.owner,
      attempt: job.attempts,
      outcome,
      error: failure?.message ?? null,
    });
    deps.services.alerts?.onDelivery?.({ channel: payload.channel, outcome });
    if (failure?.retryable) throw new RetryableJobError(failure.message);
    return { result: { channel: payload.channel, outcome, ...(failure ? { error: failure.message } : {}) } };
  },
};
