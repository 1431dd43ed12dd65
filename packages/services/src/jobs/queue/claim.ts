// Claiming due jobs, safe with any number of workers on any number of replicas: the candidate rows are
// locked with FOR UPDATE SKIP LOCKED, so two workers claiming at once never get the same row and never
// wait on each other, and the claim writes a lease. A job whose worker died keeps status `running`
// with a lease in the past: it is claimable again, and its attempt counts.
import { type Database, type Job, jobs } from "@tagc/db";
import { and, asc, eq, gte, inArray, lt, lte, or, sql } from "drizzle-orm";

export interface ClaimOptions {
  db: Database;
  /** Written into the lease: which worker (host, pid, lane) holds the job. */
  workerId: string;
  now: Date;
  leaseMs: number;
  limit?: number;
}

export async function claimJobs({ db, workerId, now, leaseMs, limit = 1 }: ClaimOptions): Promise<Job[]> {
  await failAbandoned(db, now);
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        or(
          and(eq(jobs.status, "queued"), lte(jobs.runAt, now)),
          and(eq(jobs.status, "running"), lt(jobs.lockedUntil, now), lt(jobs.attempts, jobs.maxAttempts)),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    return tx
      .update(jobs)
      .set({
        status: "running",
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + leaseMs),
        // Taking over an abandoned run says so; the previous error (if any) stays otherwise.
        // (SET expressions read the row as it was, so locked_by is still the previous worker here.)
        lastError: sql`case when ${jobs.status} = 'running' then 'the lease of ' || ${jobs.lockedBy} || ' expired' else ${jobs.lastError} end`,
      })
      .where(inArray(jobs.id, due))
      .returning();
  });
}

/**
 * A job that killed its worker on every attempt (the lease ran out each time) is not taken again:
 * it fails for good, like a job whose handler threw on its last attempt.
 */
async function failAbandoned(db: Database, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: "failed",
      lastError: sql`'abandoned: the lease of ' || ${jobs.lockedBy} || ' expired on the last attempt'`,
      lockedBy: null,
      lockedUntil: null,
      finishedAt: now,
    })
    .where(and(eq(jobs.status, "running"), lt(jobs.lockedUntil, now), gte(jobs.attempts, jobs.maxAttempts)));
}
