// What /health shows about this process's worker: when it last ticked and will tick next, when the
// scheduled work is next due, what it is running, and its recent failures. In memory: it describes this
// process, and /health must answer without the database.
import type { Job, JobKind } from "@tagc/db";
import type { JobRun, TickResult } from "@tagc/services";

const RECENT_FAILURES = 20;

/** Failures keep the error's class name, never its message: /health is public, messages name accounts. */
export interface FailureEntry {
  at: string;
  job_id: string;
  kind: JobKind;
  outcome: string;
  attempt: number;
  error: string | null;
}

export interface WorkerHealth {
  id: string;
  started_at: string;
  interval_ms: number;
  concurrency: number;
  stopping: boolean;
  last_tick_at: string | null;
  next_tick_at: string | null;
  last_tick_error: string | null;
  next_runs: TickResult["next"] | null;
  last_runs: Partial<Record<JobKind, { at: string; outcome: string; duration_ms: number }>>;
  running: { job_id: string; kind: JobKind; since: string }[];
  recent_failures: FailureEntry[];
  totals: Record<string, number>;
}

export class WorkerStatus {
  private readonly state: WorkerHealth;
  private readonly running = new Map<string, { job_id: string; kind: JobKind; since: string }>();

  constructor(id: string, intervalMs: number, concurrency: number) {
    this.state = {
      id,
      started_at: new Date().toISOString(),
      interval_ms: intervalMs,
      concurrency,
      stopping: false,
      last_tick_at: null,
      next_tick_at: null,
      last_tick_error: null,
      next_runs: null,
      last_runs: {},
      running: [],
      recent_failures: [],
      totals: {},
    };
  }

  ticked(result: TickResult | null, error: unknown, nextTickAt: Date | null) {
    this.state.last_tick_at = new Date().toISOString();
    this.state.next_tick_at = nextTickAt?.toISOString() ?? null;
    this.state.last_tick_error = error === undefined ? null : errorName(error);
    if (result) this.state.next_runs = result.next;
  }

  started(job: Job) {
    this.running.set(job.id, { job_id: job.id, kind: job.kind, since: new Date().toISOString() });
  }

  finished(job: Job, outcome: string, durationMs: number, error?: unknown) {
    this.running.delete(job.id);
    const at = new Date().toISOString();
    this.state.last_runs[job.kind] = { at, outcome, duration_ms: Math.round(durationMs) };
    this.state.totals[outcome] = (this.state.totals[outcome] ?? 0) + 1;
    if (outcome === "done" || outcome === "skipped" || outcome === "released") return;
    this.state.recent_failures.unshift({
      at,
      job_id: job.id,
      kind: job.kind,
      outcome,
      attempt: job.attempts,
      error: error === undefined ? null : errorName(error),
    });
    this.state.recent_failures.length = Math.min(this.state.recent_failures.length, RECENT_FAILURES);
  }

  recorded(run: JobRun) {
    this.finished(run.job, run.outcome, run.durationMs, run.error);
  }

  stopping() {
    this.state.stopping = true;
    this.state.next_tick_at = null;
  }

  view(): WorkerHealth {
    return structuredClone({ ...this.state, running: [...this.running.values()] });
  }
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : "Error");
