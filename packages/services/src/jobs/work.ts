import type { Job } from "@tagc/db";
import { claimJobs } from "./queue/claim";
import { type JobRun, runJob } from "./run";
import type { JobDeps } from "./types";

export interface WorkOptions {
  deps: JobDeps;
  workerId: string;
  /** Stop after this many jobs even if more are due (lets a caller check for shutdown in between). */
  max?: number;
  /** Called with each job as it is claimed (a stopping worker must know what to release). */
  onClaim?: (job: Job) => void;
  /** Called after each job, e.g. for metrics. */
  onRun?: (run: JobRun) => void;
  /** Checked before each claim: true stops the loop without claiming more. */
  stopping?: () => boolean;
}

/** Claims and runs due jobs one at a time until none is due: one worker lane. */
export async function workJobs(options: WorkOptions): Promise<JobRun[]> {
  const { deps, workerId, max = Number.POSITIVE_INFINITY, onClaim, onRun, stopping } = options;
  const runs: JobRun[] = [];
  while (runs.length < max && !stopping?.()) {
    const [job] = await claimJobs({
      db: deps.services.db,
      workerId,
      now: deps.services.now(),
      leaseMs: deps.config.leaseMs,
    });
    if (!job) break;
    onClaim?.(job);
    const run = await runJob(deps, job, workerId);
    runs.push(run);
    onRun?.(run);
  }
  return runs;
}
