// A scheduled run whose job failed for good must not hold its schedule forever: the dedupe key of that
// run exists, so it would never be enqueued again, and the schedule would never reach its next run.
import { auditSchedules, type Database, jobs } from "@tagc/db";
import { and, eq, inArray } from "drizzle-orm";
import { followingRun } from "../handlers/schedule-row";
import { auditDedupeKey, dueSchedules } from "./due-audits";

/** Moves each due schedule whose current run failed for good to its next occurrence; returns how many. */
export async function advanceFailedSchedules(db: Database, now: Date): Promise<number> {
  const due = await dueSchedules(db, now);
  if (!due.length) return 0;
  const keys = new Map(due.map((schedule) => [auditDedupeKey(schedule.id, schedule.nextRunAt), schedule.id]));
  const failed = await db
    .select({ key: jobs.dedupeKey })
    .from(jobs)
    .where(and(eq(jobs.status, "failed"), inArray(jobs.dedupeKey, [...keys.keys()])));
  let moved = 0;
  for (const { key } of failed) {
    const scheduleId = keys.get(key ?? "");
    const [schedule] = scheduleId
      ? await db.select().from(auditSchedules).where(eq(auditSchedules.id, scheduleId)).limit(1)
      : [];
    if (!schedule) continue;
    // Guarded by the due instant, so two replicas doing this at once move it once.
    const updated = await db
      .update(auditSchedules)
      .set({ nextRunAt: followingRun(schedule, now) })
      .where(and(eq(auditSchedules.id, schedule.id), eq(auditSchedules.nextRunAt, schedule.nextRunAt)))
      .returning({ id: auditSchedules.id });
    moved += updated.length;
  }
  return moved;
}
