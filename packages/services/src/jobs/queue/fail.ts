import { type Database, type Job, jobs } from "@tagc/db";
import { retryDelayMs } from "./backoff";
import { heldBy } from "./held";

const MAX_ERROR_LENGTH = 1_000;

export interface FailOptions {
  db: Database;
  job: Job;
  workerId: string;
  now: Date;
  error: unknown;
}

/** What happened to a failed job: back in the queue for a later retry, or failed for good. */
export type FailResult = { final: false; retryAt: Date } | { final: true };

/**
 * Records the failure. With attempts left the job goes back to `queued` with `run_at` moved forward by
 * the back-off; on the last attempt it becomes `failed`. Fenced like completion: null when the job was
 * no longer this worker's.
 */
export async function failJob({ db, job, workerId, now, error }: FailOptions): Promise<FailResult | null> {
  const final = job.attempts >= job.maxAttempts;
  const retryAt = new Date(now.getTime() + retryDelayMs(job.attempts, job.id));
  const failed = await db
    .update(jobs)
    .set({
      status: final ? "failed" : "queued",
      runAt: final ? job.runAt : retryAt,
      lastError: describe(error),
      lockedBy: null,
      lockedUntil: null,
      finishedAt: final ? now : null,
    })
    .where(heldBy(job, workerId))
    .returning({ id: jobs.id });
  if (!failed.length) return null;
  return final ? { final } : { final, retryAt };
}

/** Name and message only: a stack trace is for the worker's log, not the row operators read. */
function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
