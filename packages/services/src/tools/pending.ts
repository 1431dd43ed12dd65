// Tool runs that outlived their caller's wait: a cold scan of a large account can take minutes, while
// claude.ai and Claude Desktop give a tool call about 60 s. callTool waits up to the foreground budget,
// then answers SCAN_IN_PROGRESS and lets the run finish here; the next identical call (same client,
// tool and arguments) joins it and, once it is done, gets exactly its result. Process memory only:
// a follow-up that lands on another replica starts its own scan (or reads the shared cache, when
// the first finished complete), which is correct, only slower.
import { createHash, hash } from "node:crypto";
import { canonicalJson } from "../guardrails/canonical-json";

/** A tool's progress, told to whoever is waiting for the run now (MCP notifications/progress). */
export type ProgressSink = (update: { progress: number; message: string; status?: ScanStatus }) => void;

/** Whether a cold scan waits for a slot of the fair queue or runs. */
export type ScanStatus = "queued" | "running";

/** How far the run has got, shown to a caller told to come back. */
export interface RunProgress {
  updates: number;
  message: string | null;
  status: ScanStatus;
}

export interface PendingRun<T> {
  /** Stable for the run; shown to the caller as scan_id. */
  id: string;
  startedAt: number;
  result: Promise<T>;
  /** When the run ended (process clock); a run no one came back for is dropped some time after. */
  settledAt?: number;
  progress: RunProgress;
  /** The caller waiting now: a follow-up call takes over the progress stream. */
  sink: ProgressSink | undefined;
}

/** A finished run no one came back for is dropped after this. */
const KEEP_SETTLED_MS = 10 * 60_000;
const MAX_RUNS = 1000;

export class PendingRuns<T> {
  private readonly runs = new Map<string, PendingRun<T>>();
  private endWaits: () => void = () => undefined;
  /**
   * Settles when the process winds down: callers still waiting for a run are answered "still
   * running" (a clean answer they retry elsewhere) rather than cut when the process exits.
   */
  readonly waitsEnded = new Promise<undefined>((resolve) => {
    this.endWaits = () => resolve(undefined);
  });

  /** At shutdown: every wait for a run ends within `ms` (before the grace period runs out). */
  windDown(ms: number): void {
    setTimeout(this.endWaits, Math.max(0, ms)).unref();
  }

  static keyOf(clientId: string, tool: string, args: unknown): string {
    return `${clientId}:${tool}:${hash("sha256", canonicalJson(args), "hex").slice(0, 32)}`;
  }

  // Timed on the process clock: how long a run lasts is real time, whatever clock the services use.
  get(key: string): PendingRun<T> | undefined {
    const run = this.runs.get(key);
    if (run?.settledAt !== undefined && Date.now() - run.settledAt > KEEP_SETTLED_MS) {
      this.runs.delete(key);
      return undefined;
    }
    return run;
  }

  /**
   * The run `id` names among this client's runs of `tool`, with its key. The key starts with the
   * client id, so an id never reaches another tenant's run, even if it were guessed or leaked.
   */
  find(clientId: string, tool: string, id: string): { key: string; run: PendingRun<T> } | undefined {
    const prefix = `${clientId}:${tool}:`;
    for (const key of this.runs.keys()) {
      if (!key.startsWith(prefix)) continue;
      const run = this.get(key);
      if (run?.id === id) return { key, run };
    }
    return undefined;
  }

  /** Starts `work`, its progress forwarded to the run's current sink. */
  start(key: string, work: (sink: ProgressSink) => Promise<T>): PendingRun<T> {
    const now = Date.now();
    this.sweep(now);
    const id = createHash("sha256").update(`${key}:${now}`).digest("base64url").slice(0, 16);
    let run: PendingRun<T> | undefined;
    const forward: ProgressSink = (update) => {
      if (!run) return;
      run.progress = {
        updates: update.progress,
        message: update.message,
        status: update.status ?? run.progress.status,
      };
      run.sink?.(update);
    };
    const result = work(forward).finally(() => {
      if (run) run.settledAt = Date.now();
    });
    run = {
      id,
      startedAt: now,
      result,
      progress: { updates: 0, message: null, status: "running" },
      sink: undefined,
    };
    this.runs.set(key, run);
    return run;
  }

  /** The caller consumed the run's result. */
  delete(key: string): void {
    this.runs.delete(key);
  }

  purge(clientId: string): void {
    for (const key of [...this.runs.keys()]) if (key.startsWith(`${clientId}:`)) this.runs.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, run] of this.runs) {
      if (run.settledAt !== undefined && now - run.settledAt > KEEP_SETTLED_MS) this.runs.delete(key);
    }
    while (this.runs.size >= MAX_RUNS) {
      const oldest = this.runs.keys().next();
      if (oldest.done) break;
      this.runs.delete(oldest.value);
    }
  }
}
