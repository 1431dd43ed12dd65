import { auditSchedules, clients, type Database } from "@tagc/db";
import { and, asc, eq, lte, ne } from "drizzle-orm";
import { type EnqueueJob, enqueueJobs } from "../queue/enqueue";

const BATCH = 500;

export const auditDedupeKey = (scheduleId: string, dueAt: Date) =>
  `scheduled_audit:${scheduleId}:${dueAt.toISOString()}`;

/** Active schedules whose next run is due; offboarded clients' schedules are cancelled, but belt and braces. */
export function dueSchedules(db: Database, now: Date) {
  return db
    .select({ id: auditSchedules.id, clientId: auditSchedules.clientId, nextRunAt: auditSchedules.nextRunAt })
    .from(auditSchedules)
    .innerJoin(clients, eq(clients.id, auditSchedules.clientId))
    .where(
      and(
        eq(auditSchedules.status, "active"),
        lte(auditSchedules.nextRunAt, now),
        ne(clients.status, "deleted"),
      ),
    )
    .orderBy(asc(auditSchedules.nextRunAt))
    .limit(BATCH);
}

/**
 * One `scheduled_audit` job per due run. The key names the schedule and the due instant: until the job
 * moves the schedule on, every tick of every replica finds the same run due and enqueues nothing new.
 */
export async function enqueueDueAudits(db: Database, now: Date, maxAttempts: number): Promise<number> {
  const due = await dueSchedules(db, now);
  const entries: EnqueueJob[] = due.map((schedule) => ({
    clientId: schedule.clientId,
    kind: "scheduled_audit",
    payload: { schedule_id: schedule.id, due_at: schedule.nextRunAt.toISOString() },
    runAt: schedule.nextRunAt,
    dedupeKey: auditDedupeKey(schedule.id, schedule.nextRunAt),
    maxAttempts,
  }));
  return (await enqueueJobs(db, entries)).length;
}
