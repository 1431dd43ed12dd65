import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface LoadJob {
  url: string;
  keys: string[];
  calls: number;
  scopes: string[][];
  /** Call until `stop()` instead of `calls` times. */
  untilStopped?: boolean;
}

export interface LoadResult {
  seconds: number;
  /** The load generator's own CPU over its calls: if near a whole core, it was the bottleneck. */
  cpuMs: number;
  errors: number;
  errorSamples: string[];
  latencies: number[];
  accounts: string[];
}

/**
 * Starts bench/load.ts in its own process; `started` resolves once its clients are connected (so a
 * measurement window opens on calls, not on process start), `done` with what it measured.
 */
export function startLoad(job: LoadJob) {
  const script = fileURLToPath(new URL("./load.ts", import.meta.url));
  // BENCH_LOAD_CPU_PROF=dir: the load generator writes its own V8 CPU profile there on exit.
  const profileDir = process.env.BENCH_LOAD_CPU_PROF;
  const profile = profileDir
    ? ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-interval", "250"]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script, JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let onStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    onStarted = resolve;
  });
  let result: LoadResult | undefined;
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (!line.startsWith("{")) return;
    const parsed = JSON.parse(line) as LoadResult | { started: number };
    if ("started" in parsed) onStarted();
    else result = parsed;
  });
  const done = new Promise<LoadResult>((resolve, reject) => {
    // "close", not "exit": the last line may still be in the pipe when the process exits.
    child.once("close", (code) => {
      if (code !== 0 || !result) reject(new Error(`load generator exited with ${code}`));
      else resolve(result);
    });
  });
  return { started, done, stop: () => child.kill("SIGTERM") };
}

/** Runs bench/load.ts to the end and returns what it measured. */
export const runLoad = (job: LoadJob) => startLoad(job).done;
