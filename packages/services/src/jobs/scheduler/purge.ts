import { type Database, jobs } from "@tagc/db";
import { and, inArray, lt } from "drizzle-orm";

/**
 * Deletes finished job rows after the retention period. Their dedupe keys name past days and past due
 * instants, which the scheduler never enqueues again, so nothing can run twice because of this.
 */
export async function purgeFinishedJobs(db: Database, now: Date, retentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const purged = await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ["done", "failed", "cancelled"]), lt(jobs.finishedAt, cutoff)))
    .returning({ id: jobs.id });
  return purged.length;
}
