// The worker role: every interval, tick the scheduler, then let `concurrency` lanes claim and run due
// jobs until none is left. Every replica runs this; the queue's leases and dedupe keys make each job run
// once. Stopping finishes the jobs under way within a grace period, then releases the rest to the queue.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Job } from "@tagc/db";
import {
  DEFAULT_JOB_CONFIG,
  type JobConfig,
  type JobDeps,
  type JobRun,
  type Notifier,
  releaseJob,
  type ServiceDeps,
  type ToolRuntime,
  tick,
  workJobs,
} from "@tagc/services";
import type { Logger } from "pino";
import type { Metrics } from "../metrics";
import { type WorkerHealth, WorkerStatus } from "./status";

export interface WorkerOptions {
  services: ServiceDeps;
  /** The MCP tools' runtime (cache, AWS budget, scan memo), so jobs and tools share one state. */
  runtime: ToolRuntime;
  logger: Logger;
  metrics: Metrics;
  notifier: Notifier;
  intervalMs: number;
  concurrency: number;
  config?: Partial<JobConfig>;
  /** Defaults to host:pid:random, so two workers in one process (tests) are told apart. */
  id?: string;
  /** false: no timer, the caller drives `runOnce` (tests). */
  autoStart?: boolean;
}

export interface Worker {
  id: string;
  status(): WorkerHealth;
  /** One tick and one pass of every lane, awaited. */
  runOnce(): Promise<JobRun[]>;
  /** Waits up to `graceMs` for the jobs under way, then releases those still running. */
  stop(options?: { graceMs?: number }): Promise<{ released: number }>;
}

export function startWorker(options: WorkerOptions): Worker {
  const { services, logger, metrics, intervalMs, concurrency } = options;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const deps: JobDeps = {
    services,
    runtime: options.runtime,
    notifier: options.notifier,
    config: { ...DEFAULT_JOB_CONFIG, ...options.config },
  };
  const status = new WorkerStatus(id, intervalMs, concurrency);
  // Claimed and not finished, with the lane that holds each: what a stop past its grace releases.
  const inFlight = new Map<string, { job: Job; lane: string }>();
  // Released at shutdown: the handler's late end (fenced out, "lost") is not counted a second time.
  const released = new Set<string>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const record = (run: JobRun) => {
    inFlight.delete(run.job.id);
    if (released.has(run.job.id)) return;
    status.recorded(run);
    metrics.jobs.inc({ kind: run.job.kind, outcome: run.outcome });
    metrics.jobDuration.observe({ kind: run.job.kind, outcome: run.outcome }, run.durationMs / 1000);
    const entry = {
      job_id: run.job.id,
      kind: run.job.kind,
      client_id: run.job.clientId,
      attempt: run.job.attempts,
      outcome: run.outcome,
      duration_ms: Math.round(run.durationMs),
    };
    if (run.outcome === "retry" || run.outcome === "failed")
      logger.warn({ ...entry, err: run.error }, "job failed");
    else logger.info(entry, "job finished");
  };

  const lane = (index: number) => {
    const laneId = `${id}#${index}`;
    return workJobs({
      deps,
      workerId: laneId,
      stopping: () => stopping,
      onClaim: (job) => {
        inFlight.set(job.id, { job, lane: laneId });
        status.started(job);
      },
      onRun: record,
    });
  };

  async function runTick(): Promise<void> {
    try {
      const result = await tick({ deps });
      for (const [kind, count] of Object.entries(result.enqueued))
        if (count) metrics.jobsEnqueued.inc({ kind }, count);
      metrics.schedulerTicks.inc({ outcome: "ok" });
      status.ticked(result, undefined, nextTick());
    } catch (error) {
      // A failed tick (database down) must not stop the lanes from finishing claimed work.
      metrics.schedulerTicks.inc({ outcome: "error" });
      status.ticked(null, error, nextTick());
      logger.error({ err: error }, "scheduler tick failed");
    }
  }

  // Lanes run independently of the tick: one long scan keeps its lane busy while the others keep
  // taking the jobs that become due, and every interval refills the lanes that ran dry.
  const lanes = new Map<number, Promise<JobRun[]>>();
  let ticking: Promise<void> | undefined;
  const fill = () => {
    for (let index = 0; index < concurrency && !stopping; index++) {
      if (lanes.has(index)) continue;
      const running = lane(index)
        // A claim or a failure record that cannot reach the database (it is down) ends this lane's
        // pass; the next interval starts it again. Unhandled, the rejection would end the process.
        .catch((error: unknown) => {
          logger.error({ err: error, lane: index }, "worker lane failed");
          return [];
        })
        .finally(() => lanes.delete(index));
      lanes.set(index, running);
    }
  };
  const tickAndFill = async () => {
    ticking ??= runTick().finally(() => {
      ticking = undefined;
    });
    await ticking;
    fill();
  };
  const settled = async () => {
    await ticking;
    return (await Promise.all([...lanes.values()])).flat();
  };

  const nextTick = () => (timer && !stopping ? new Date(Date.now() + intervalMs) : null);

  const runOnce = async () => {
    await tickAndFill();
    return settled();
  };

  if (options.autoStart !== false) {
    timer = setInterval(() => void tickAndFill(), intervalMs);
    timer.unref();
    void tickAndFill();
  }

  return {
    id,
    status: () => status.view(),
    runOnce,
    async stop({ graceMs = 30_000 } = {}) {
      stopping = true;
      status.stopping();
      if (timer) clearInterval(timer);
      if (!ticking && lanes.size === 0) return { released: 0 };
      let timeout: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        settled().then(() => true),
        new Promise<false>((resolve) => {
          timeout = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timeout);
      if (finished) return { released: 0 };
      // Past the grace period: back to the queue for another worker. The handler may still be running
      // here; its completion is fenced by the lease, so whatever it does now writes nothing.
      for (const { job, lane: laneId } of [...inFlight.values()]) {
        if (await releaseJob(services.db, job, laneId)) {
          released.add(job.id);
          inFlight.delete(job.id);
          metrics.jobs.inc({ kind: job.kind, outcome: "released" });
          status.finished(job, "released", 0);
        }
      }
      logger.info({ released: released.size }, "worker stopped");
      return { released: released.size };
    },
  };
}
