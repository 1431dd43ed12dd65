import { type Database, type Job, type JsonObject, jobs, type Tx } from "@tagc/db";
import { heldBy } from "./held";

export interface CompleteOptions {
  db: Database;
  job: Job;
  workerId: string;
  now: Date;
  result: JsonObject;
  /** The job's own database writes, committed with the completion or not at all. */
  write?: ((tx: Tx) => Promise<void>) | undefined;
}

/**
 * Marks the job done and applies its writes in one transaction, only while this worker holds it.
 * The job row is updated first: that takes its row lock, so a worker trying to take the job over
 * (SKIP LOCKED) passes it by until this commits. False when the job was no longer ours: nothing written.
 */
export async function completeJob({
  db,
  job,
  workerId,
  now,
  result,
  write,
}: CompleteOptions): Promise<boolean> {
  return db.transaction(async (tx) => {
    const held = await tx
      .update(jobs)
      .set({ status: "done", result, lockedBy: null, lockedUntil: null, finishedAt: now })
      .where(heldBy(job, workerId))
      .returning({ id: jobs.id });
    if (!held.length) return false;
    await write?.(tx);
    return true;
  });
}
