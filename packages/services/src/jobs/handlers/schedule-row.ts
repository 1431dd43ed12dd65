import { computeSchedule } from "@tagc/core";
import { type AuditSchedule, auditSchedules, type Client, type Database, type Job, type Tx } from "@tagc/db";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { liveClient } from "../steps/tenant";
import type { JobOutcome } from "../types";

export async function loadSchedule(db: Database, clientId: string, scheduleId: string) {
  const [row] = await db
    .select()
    .from(auditSchedules)
    .where(and(eq(auditSchedules.clientId, clientId), eq(auditSchedules.id, scheduleId)))
    .limit(1);
  return row;
}

/**
 * What a schedule's job works on: its payload, its live client and its still-active schedule; or the
 * outcome that says why there is nothing left to do (queued by this code, a bad payload is a bug:
 * recorded, never retried).
 */
export async function loadScheduleJob<P extends { schedule_id: string }>(
  db: Database,
  job: Job,
  payloadSchema: z.ZodType<P>,
): Promise<{ payload: P; client: Client; schedule: AuditSchedule } | { skip: JobOutcome }> {
  const parsed = payloadSchema.safeParse(job.payload);
  if (!parsed.success) return { skip: { skipped: true, result: { reason: "invalid_payload" } } };
  const client = await liveClient(db, job.clientId);
  if (!client) return { skip: { skipped: true, result: { reason: "client_deleted" } } };
  const schedule = await loadSchedule(db, client.id, parsed.data.schedule_id);
  if (schedule?.status !== "active")
    return { skip: { skipped: true, result: { reason: "schedule_cancelled" } } };
  return { payload: parsed.data, client, schedule };
}

/**
 * The occurrence after this run, from the stored cadence, local time and IANA zone: computed in the
 * customer's zone by core, so 09:00 Paris stays 09:00 Paris across a DST change. Counted from the later
 * of now and the due instant, so a late run never schedules the run it just did.
 */
export function followingRun(schedule: AuditSchedule, now: Date): Date {
  const from = now > schedule.nextRunAt ? now : schedule.nextRunAt;
  const { next_run } = computeSchedule({
    schedule: schedule.cadence,
    time: schedule.timeOfDay,
    timezone: schedule.timezone,
    now: from,
  });
  return new Date(next_run);
}

/**
 * Moves the schedule past the run that was due, only if it still is (`next_run_at` unchanged): two
 * writers can never both move it. Throws otherwise, which rolls back the transaction it runs in.
 */
export async function advanceSchedule(
  tx: Tx,
  schedule: AuditSchedule,
  now: Date,
  ran: boolean,
): Promise<Date> {
  const next = followingRun(schedule, now);
  const moved = await tx
    .update(auditSchedules)
    .set({ nextRunAt: next, ...(ran ? { lastRunAt: now } : {}) })
    .where(and(eq(auditSchedules.id, schedule.id), eq(auditSchedules.nextRunAt, schedule.nextRunAt)))
    .returning({ id: auditSchedules.id });
  if (!moved.length) throw new Error(`schedule ${schedule.id} was moved by another writer`);
  return next;
}
