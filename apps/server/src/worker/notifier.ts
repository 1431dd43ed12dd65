import { LogNotifier, type Notifier, WebhookNotifier } from "@tagc/services";
import type { Logger } from "pino";
import type { Env } from "../env";

/** The report notifier, chosen once: the operator's webhook when configured, else the log. */
export function notifierFrom(env: Pick<Env, "NOTIFY_WEBHOOK_URL">, logger: Logger): Notifier {
  if (env.NOTIFY_WEBHOOK_URL) return new WebhookNotifier({ url: env.NOTIFY_WEBHOOK_URL });
  return new LogNotifier((entry, message) => logger.info({ ...entry, notifier: "log" }, message));
}
