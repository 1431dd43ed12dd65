// How a schedule's alerts leave the process: chosen once at start-up (apps/server/src/deps.ts).
import type { AlertChannel, DeliveryOutcome } from "@tagc/db";

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Sends one message; throws a `SendFailure` when it could not be handed over. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface AlertConfig {
  /**
   * Tests and local setups only (ALERT_ALLOW_PRIVATE_TARGETS): webhooks on http and on private,
   * loopback or link-local addresses. Off, a webhook URL must be https to a public address.
   */
  allowPrivateTargets: boolean;
  /**
   * Seals the schedules' webhook URLs at rest (ALERT_TARGET_SECRET, see sealed-url.ts); unset, webhook
   * targets are refused when a schedule is created.
   */
  targetSecret?: string | undefined;
  /** SMTP (SMTP_URL); unset, e-mail targets are refused when a schedule is created. */
  mailer?: Mailer | undefined;
  /** Per webhook request. */
  timeoutMs?: number;
  /** Each attempt's outcome, for /metrics. */
  onDelivery?: (event: { channel: AlertChannel; outcome: DeliveryOutcome }) => void;
}

/** What a failed attempt tells the retry logic; `message` is ours, never the receiver's body. */
export class SendFailure extends Error {
  override name = "SendFailure";
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
