import { type Database, type Job, jobs } from "@tagc/db";
import { heldBy } from "./held";

/** Pushes the lease forward while the job runs; false when the job is no longer this worker's. */
export async function renewLease(db: Database, job: Job, workerId: string, until: Date): Promise<boolean> {
  const renewed = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(heldBy(job, workerId))
    .returning({ id: jobs.id });
  return renewed.length > 0;
}
