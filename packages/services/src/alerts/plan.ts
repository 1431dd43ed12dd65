// Which deliveries a run makes: one job per channel for the account-wide digest, one e-mail per routed
// owner. The job carries the message, never the target: the address or webhook URL is read from the
// schedule at send time, so a URL (a credential) is never copied into the job table, and a target the
// customer removed meanwhile is not used.
import type { AlertChannel, AuditSchedule, ScheduleDelivery } from "@tagc/db";
import { z } from "zod";
import type { AlertDigest, RoutedDigest } from "./digest";

export const alertJobPayload = z.object({
  schedule_id: z.string(),
  run_at: z.string(),
  channel: z.enum(["email", "slack", "teams"]),
  owner: z.string().nullable(),
  digest: z.custom<AlertDigest>((value) => typeof value === "object" && value !== null),
});
export type AlertJobPayload = z.infer<typeof alertJobPayload>;

export function alertJobs(
  schedule: AuditSchedule,
  digests: { full: AlertDigest; routed: RoutedDigest[] },
): AlertJobPayload[] {
  const { delivery } = schedule;
  const base = { schedule_id: schedule.id, run_at: digests.full.run_at };
  const channels: AlertChannel[] = [
    ...(delivery.email?.length ? (["email"] as const) : []),
    ...(delivery.slack ? (["slack"] as const) : []),
    ...(delivery.teams ? (["teams"] as const) : []),
  ];
  return [
    ...channels.map((channel) => ({ ...base, channel, owner: null, digest: digests.full })),
    ...digests.routed.map(({ owner, digest }) => ({ ...base, channel: "email" as const, owner, digest })),
  ];
}

export type AlertTarget = { channel: "email"; to: string[] } | { channel: "slack" | "teams"; url: string };

/** Where a delivery goes now, from the schedule's current settings; null when it was removed. */
export function targetOf(
  delivery: ScheduleDelivery,
  channel: AlertChannel,
  owner: string | null,
): AlertTarget | null {
  if (channel !== "email") {
    const url = delivery[channel];
    return url ? { channel, url } : null;
  }
  if (owner === null) return delivery.email?.length ? { channel, to: delivery.email } : null;
  const to = owner === "" ? delivery.owners?.fallback : delivery.owners?.to[owner];
  return to ? { channel, to: [to] } : null;
}
