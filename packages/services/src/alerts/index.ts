// Per-schedule alerts: e-mail, Slack and Teams targets, owner-routed digests, delivery attempts.
export { type AlertConfig, type Mailer, type MailMessage, SendFailure } from "./config";
export { DELIVERIES_LIMIT, listDeliveries } from "./list-deliveries";
export { SmtpMailer, type SmtpMailerOptions } from "./smtp-mailer";
export { maskWebhookUrl, webhookUrlProblem } from "./webhook-url";
