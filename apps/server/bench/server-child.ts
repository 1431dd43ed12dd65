// Starts bench/server-process.ts (the server under measurement) and talks to it over IPC.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CounterSnapshot } from "@tagc/aws-sandbox";
import { buildServer, compileCacheOf } from "../scripts/build";
import { SERVER_MALLOC_ENV, SERVER_NODE_FLAGS } from "../scripts/node-flags";
import type { startBench } from "./setup";

export interface ServerStats {
  /** The server process's CPU time so far (user + system), in microseconds. */
  cpuUs: number;
  rss: number;
  /** The server process's peak RSS over its whole life, in bytes. */
  maxRss: number;
  /** The sandbox process's CPU time so far (10 ms resolution), in microseconds. */
  sandboxCpuUs: number;
}

export interface ServerMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  maxRss: number;
  /** Bytes [used, committed] per V8 heap space (old_space, code_space, …). */
  spaces: Record<string, [number, number]>;
  heap: {
    total_available_size: number;
    malloced_memory: number;
    peak_malloced_memory: number;
    external_memory: number;
  };
  /** Resident kB of the largest mappings ("[anon]" for anonymous memory). */
  mappings: Record<string, number>;
}

interface Ready {
  url: string;
  keys: string[];
  clientId: string;
  second?: { id: string; apiKey: string };
}

// BENCH_SERVER=tsx runs bench/server-process.ts under tsx; the default is the production build of it
// (scripts/build.ts, built once per run), as the Dockerfile runs the server; BENCH_SERVER_LOADER runs
// that script instead (it loads the server its own way).
let built: Promise<string> | undefined;
async function serverScript(): Promise<{ script: string; execArgv: string[]; env: NodeJS.ProcessEnv }> {
  const source = fileURLToPath(new URL("./server-process.ts", import.meta.url));
  if (process.env.BENCH_SERVER === "tsx") return { script: source, execArgv: ["--import", "tsx"], env: {} };
  // BENCH_SERVER_LOADER: a script that loads the server itself (bench/server-code-cache.ts's loader).
  if (process.env.BENCH_SERVER_LOADER)
    return { script: process.env.BENCH_SERVER_LOADER, execArgv: [], env: {} };
  built ??= buildServer(source, fileURLToPath(new URL("../dist/bench-server.mjs", import.meta.url)));
  const script = await built;
  return { script, execArgv: [], env: { NODE_COMPILE_CACHE: compileCacheOf(script) } };
}

export async function spawnServer(options: Parameters<typeof startBench>[0]) {
  const { script, execArgv, env } = await serverScript();
  // BENCH_SERVER_CPU_PROF=dir: the server writes a V8 CPU profile there when it exits (--cpu-prof).
  const profileDir = process.env.BENCH_SERVER_CPU_PROF;
  const child = fork(script, [JSON.stringify(options)], {
    // The malloc settings the Dockerfile and the start scripts give the server (the environment may
    // override them, to compare).
    env: { ...SERVER_MALLOC_ENV, ...process.env, ...env },
    // BENCH_SERVER_ARGS: more node flags for the server alone (--cpu-prof, --heapsnapshot-signal=…).
    execArgv: [
      ...execArgv,
      ...SERVER_NODE_FLAGS,
      ...(process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? []),
      ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-interval", "250"] : []),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const ready = new Promise<Ready>((resolve, reject) => {
    child.on("message", (message: { ready?: Ready; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) return resolve(message.ready);
      const waiter = waiting.get(message.id ?? -1);
      waiting.delete(message.id ?? -1);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const ask = <T>(op: string, extra: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, ...extra });
    });
  const info = await ready;
  return {
    ...info,
    /** CPU only: the cheapest question, for bracketing one call. */
    cpuUs: () => ask<number>("cpu"),
    stats: () => ask<ServerStats>("stats"),
    /** Waits for work the last calls left queued, then reads the stats. */
    settle: () => ask<ServerStats>("settle"),
    counters: () => ask<CounterSnapshot>("counters"),
    /** The server's CPU so far per thread name (MainThread, V8Worker, …), in microseconds. */
    threads: () => ask<Record<string, number>>("threads"),
    /** process.memoryUsage() with V8's heap spaces: where the RSS sits. */
    memory: () => ask<ServerMemory>("memory"),
    /** Writes a heap snapshot of the server process to this path. */
    snapshot: (path: string) => ask<string>("snapshot", { path }),
    /** check_tag_compliance tool times (audit duration_ms) of one client since a moment. */
    auditMs: (clientId: string, since: Date) =>
      ask<number[]>("audit", { clientId, since: since.toISOString() }),
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await ask("close");
      await exited;
    },
  };
}

export type BenchServer = Awaited<ReturnType<typeof spawnServer>>;
