import { type Job, jobs } from "@tagc/db";
import { and, eq } from "drizzle-orm";

/**
 * The fence of every write a worker makes to a job it claimed: the row is still `running` under this
 * worker's lease. A worker whose lease ran out and whose job another worker took again matches nothing,
 * so its late completion or failure changes nothing.
 */
export const heldBy = (job: Pick<Job, "id">, workerId: string) =>
  and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running"));
