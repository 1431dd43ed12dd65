// One attempt to hand an alert to its target, in the channel's own format.
import { type AlertConfig, SendFailure } from "./config";
import type { AlertDigest } from "./digest";
import type { AlertTarget } from "./plan";
import { postJson } from "./post-json";
import { emailMessage } from "./render/email";
import { slackMessage } from "./render/slack";
import { teamsMessage } from "./render/teams";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export async function sendAlert(
  config: AlertConfig,
  target: AlertTarget,
  digest: AlertDigest,
): Promise<void> {
  if (target.channel === "email") {
    if (!config.mailer) throw new SendFailure("e-mail is not configured on this server (SMTP_URL)", false);
    return config.mailer.send(emailMessage(digest, target.to));
  }
  const body = target.channel === "slack" ? slackMessage(digest) : teamsMessage(digest);
  return postJson(target.url, body, {
    allowPrivate: config.allowPrivateTargets,
    timeoutMs: config.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
  });
}
