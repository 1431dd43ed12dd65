import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, idColumn, oneOf, timestamptz } from "./columns";
import { clientIdColumn } from "./tenant";

export const ALERT_CHANNELS = ["email", "slack", "teams"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** delivered; retry: failed, tried again after the queue's back-off; failed: for good (refused, or out of attempts). */
export const DELIVERY_OUTCOMES = ["delivered", "retry", "failed"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * One row per delivery attempt of a scheduled audit's alert to one target, so a failing channel is
 * visible (console, REST, /metrics) rather than only in the worker's log. `target` is the masked form
 * (an address, or a webhook's scheme and host): the webhook URL itself is a credential.
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: idColumn("dlv"),
    clientId: clientIdColumn(),
    scheduleId: text("schedule_id").notNull(),
    /** The due instant of the run the alert reports (ISO-8601 UTC in the job payload). */
    runAt: timestamptz("run_at").notNull(),
    channel: text("channel", { enum: ALERT_CHANNELS }).notNull(),
    target: text("target").notNull(),
    /** The owner tag value of an owner-routed digest; null for the full digest, "" for the fallback. */
    owner: text("owner"),
    attempt: integer("attempt").notNull(),
    outcome: text("outcome", { enum: DELIVERY_OUTCOMES }).notNull(),
    /** What went wrong, in our words (a status code or a refusal): never the receiver's body. */
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [
    check("alert_deliveries_channel_check", oneOf(t.channel, ALERT_CHANNELS)),
    check("alert_deliveries_outcome_check", oneOf(t.outcome, DELIVERY_OUTCOMES)),
    index("alert_deliveries_client_id_schedule_id_idx").on(t.clientId, t.scheduleId, t.createdAt),
  ],
);

export type AlertDelivery = typeof alertDeliveries.$inferSelect;
export type NewAlertDelivery = typeof alertDeliveries.$inferInsert;
