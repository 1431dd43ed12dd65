import { type Database, type Job, jobs } from "@tagc/db";
import { sql } from "drizzle-orm";
import { heldBy } from "./held";

/**
 * Gives a claimed job back without counting the attempt, when a worker stops before finishing it
 * (graceful shutdown). Any other worker may claim it at once; the stopping worker's late completion is
 * fenced out. False when the job was no longer this worker's.
 */
export async function releaseJob(db: Database, job: Job, workerId: string): Promise<boolean> {
  const released = await db
    .update(jobs)
    .set({
      status: "queued",
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(heldBy(job, workerId))
    .returning({ id: jobs.id });
  return released.length > 0;
}
