// Runs one claimed job to its end: the handler (AWS work), then completion with the handler's writes
// in one fenced transaction, or a recorded failure with back-off. The lease is renewed while it runs,
// so a long scan is not mistaken for a dead worker.
import type { Job } from "@tagc/db";
import { JOB_HANDLERS } from "./handlers";
import { completeJob } from "./queue/complete";
import { failJob } from "./queue/fail";
import { renewLease } from "./queue/renew";
import type { JobDeps } from "./types";

/** done / skipped: completed; retry: back in the queue; failed: for good; lost: another worker has it. */
export type JobRunOutcome = "done" | "skipped" | "retry" | "failed" | "lost";

export interface JobRun {
  job: Job;
  outcome: JobRunOutcome;
  durationMs: number;
  error?: unknown;
}

export async function runJob(deps: JobDeps, job: Job, workerId: string): Promise<JobRun> {
  const { db, now } = deps.services;
  const started = performance.now();
  const done = (outcome: JobRunOutcome, error?: unknown): JobRun => ({
    job,
    outcome,
    durationMs: performance.now() - started,
    ...(error === undefined ? {} : { error }),
  });
  const renewal = setInterval(
    () =>
      void renewLease(db, job, workerId, new Date(now().getTime() + deps.config.leaseMs)).catch(() => false),
    Math.max(1_000, Math.floor(deps.config.leaseMs / 3)),
  );
  renewal.unref();
  try {
    const outcome = await JOB_HANDLERS[job.kind].run({ deps, job });
    const committed = await completeJob({
      db,
      job,
      workerId,
      now: now(),
      result: outcome.result,
      write: outcome.write,
    });
    return done(committed ? (outcome.skipped ? "skipped" : "done") : "lost");
  } catch (error) {
    const failed = await failJob({ db, job, workerId, now: now(), error });
    return done(failed === null ? "lost" : failed.final ? "failed" : "retry", error);
  } finally {
    clearInterval(renewal);
  }
}
