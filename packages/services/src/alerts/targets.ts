// A schedule's own delivery targets, as the schedule_compliance_audit tool takes them. Worded tightly:
// every character here is in tools/list, which has a token budget (test/tools/size-bound.test.ts).
// Addresses are plain bounded strings in the schema and checked here, so each refusal names its field.
import type { ScheduleDelivery } from "@tagc/db";
import { z } from "zod";
import { invalid } from "../errors";
import type { AlertConfig } from "./config";
import { sealWebhookUrl } from "./sealed-url";
import { webhookUrlProblem } from "./webhook-url";

const text = (max: number) => z.string().max(max);

export const deliverInput = z
  .strictObject({
    email: z.array(text(254)).max(20).optional(),
    slack: text(1000).optional(),
    teams: text(1000).optional(),
    owner_tag: text(128).optional(),
    // A catch-all object rather than z.record: the same JSON Schema less its propertyNames.
    owners: z.object({}).catchall(text(254)).optional(),
    fallback: text(254).optional(),
  })
  .describe("Slack/Teams webhook URLs; owners[owner_tag value] gets only its resources, fallback the rest");
export type DeliverInput = z.infer<typeof deliverInput>;

const isEmail = (value: string) => z.email().safeParse(value).success;

function checkEmail(field: string, value: string): string {
  if (!isEmail(value)) throw invalid(field, `"${value.slice(0, 64)}" is not an e-mail address`);
  return value;
}

/** Each entry an e-mail address, or INVALID_REQUEST naming `field.<index>`. */
export const emailsOf = (field: string, values: readonly string[]): string[] =>
  values.map((value, i) => checkEmail(`${field}.${i}`, value));

function email(field: string, value: string, config: AlertConfig | undefined): string {
  checkEmail(field, value);
  if (!config?.mailer) throw invalid(field, "e-mail is not configured on this server; use slack or teams");
  return value;
}

function webhook(field: string, value: string, config: AlertConfig | undefined): string {
  const problem = webhookUrlProblem(value, config?.allowPrivateTargets ?? false);
  // The URL is a credential: the message names the field and the rule, never echoes the value.
  if (problem) throw invalid(field, problem);
  if (!config?.targetSecret) throw invalid(field, "webhooks are not configured on this server; use email");
  return sealWebhookUrl(value, config.targetSecret);
}

/** The stored form, every address checked; throws INVALID_REQUEST naming the field. */
export function parseDelivery(
  input: DeliverInput | undefined,
  config: AlertConfig | undefined,
): ScheduleDelivery {
  if (!input) return {};
  const delivery: ScheduleDelivery = {};
  if (input.email?.length) delivery.email = input.email.map((v, i) => email(`deliver.email.${i}`, v, config));
  if (input.slack !== undefined) delivery.slack = webhook("deliver.slack", input.slack, config);
  if (input.teams !== undefined) delivery.teams = webhook("deliver.teams", input.teams, config);
  const routed = input.owners !== undefined || input.fallback !== undefined;
  if (routed && !input.owner_tag) throw invalid("deliver.owner_tag", "is required with owners or fallback");
  if (input.owner_tag) {
    const owners = Object.entries(input.owners ?? {});
    if (!owners.length && !input.fallback)
      throw invalid("deliver.owners", "must map at least one owner tag value to an e-mail address");
    delivery.owners = {
      tag: input.owner_tag,
      to: Object.fromEntries(
        owners.map(([value, to]) => [value, email(`deliver.owners.${value}`, to, config)]),
      ),
      ...(input.fallback ? { fallback: email("deliver.fallback", input.fallback, config) } : {}),
    };
  }
  return delivery;
}
