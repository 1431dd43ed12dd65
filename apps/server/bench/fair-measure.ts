// The fair-scanning figure: tenant B's warm p95 (cached check_tag_compliance over MCP) while idle, and
// again while tenant A runs cold scans continuously (several force_refresh loops at once). The server
// runs in this process; the sandbox, B's load and A's loops run in processes of their own, so the CPU
// measured here (process.cpuUsage) is the server's.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { CounterSnapshot } from "@tagc/aws-sandbox";
import { auditEvents } from "@tagc/db";
import type { ToolRuntimeOptions } from "@tagc/services";
import { GLOBEX_ACCOUNT } from "@tagc/testkit";
import { and, eq, gte, lte } from "drizzle-orm";
import { runLoad } from "./run-load";
import { startNoisy } from "./run-noisy";
import { startBench } from "./setup";

export interface FairnessOptions {
  resources: number;
  regions: number;
  latencyMs: number;
  /** A's concurrent force_refresh loops. */
  lanes: number;
  /** B's warm calls per phase, from `clients` concurrent MCP clients. */
  calls: number;
  /** B's warm calls in the loaded phase (default `calls`): long enough for A's scans to finish in it. */
  loadedCalls?: number;
  clients: number;
  scanQueue?: ToolRuntimeOptions["scanQueue"];
  scanBusyCalls?: number;
  redisUrl?: string;
}

export interface Phase {
  p50: number;
  p95: number;
  seconds: number;
  /** Server CPU (user + system) over the phase, in ms. */
  cpuMs: number;
  errors: number;
  /** The tool's own time inside the server (audit duration_ms) p95: the rest is auth, HTTP and waits. */
  toolP95: number;
  /** Sandbox (AWS) calls made by B's role over the phase: a warm call should make none. */
  bAwsCalls: number;
  /** The server's event-loop delay over the phase (ms): how long a ready callback waited for the loop. */
  loopDelay: { p50: number; p99: number; max: number };
  /** The most queries seen waiting for a pooled Postgres connection (sampled every 5 ms). */
  poolWaitingMax: number;
  /** Share of the phase (5 ms samples) during which the noisy tenant had a cold discovery running. */
  aScanning: number;
  /** The noisy tenant's scanning calls that finished during the phase (its audit rows). */
  aScansDone: number;
  /** Every account B's answers covered (must be B's own only). */
  accounts: string[];
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// B's calls: every one distinct, all on scopes warmed first.
const B_SCOPES = [["all"], ["ec2:instance"], ["lambda:function"], ["rds:db", "dynamodb:table"]];
// A's loops: distinct scopes, so each lane is its own cold scan (identical ones would share a flight).
const A_SCOPES = [
  ["all"],
  ["ec2:instance"],
  ["ec2:volume", "ec2:snapshot"],
  ["lambda:function"],
  ["rds:db", "dynamodb:table"],
  ["s3:bucket"],
  ["ec2:instance", "lambda:function"],
  ["ec2:volume"],
];

// BENCH_CPU_PROFILE=file.cpuprofile: the server's CPU profile over the loaded phase (where the loop stalls).
async function startProfile() {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 500 });
  await post("Profiler.start");
  return async () => {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    session.disconnect();
    return profile;
  };
}

const callsBy = (snapshot: CounterSnapshot, account: string) =>
  Object.entries(snapshot.by_caller)
    .filter(([caller]) => caller.includes(`:${account}:`))
    .reduce((n, [, ops]) => n + Object.values(ops).reduce((m, c) => m + c, 0), 0);

export async function measureFairness(options: FairnessOptions) {
  const bench = await startBench({
    resources: options.resources,
    regions: options.regions,
    latencyMs: options.latencyMs,
    keys: 1,
    secondResources: options.resources,
    ...(options.scanQueue ? { scanQueue: options.scanQueue } : {}),
    ...(options.scanBusyCalls ? { scanBusyCalls: options.scanBusyCalls } : {}),
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  });
  try {
    const b = bench.second!;
    const keys = Array.from({ length: options.clients }, () => b.apiKey);
    // Warm B's scopes (its cold scans are not measured).
    await runLoad({ url: bench.url, keys: [b.apiKey], calls: B_SCOPES.length, scopes: B_SCOPES });
    const phase = async (calls = options.calls): Promise<Phase> => {
      const since = new Date();
      const before = await bench.sandbox.counters();
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      let poolWaitingMax = 0;
      let samples = 0;
      let scanning = 0;
      const pool = bench.handle.kind === "postgres" ? bench.handle.pool : undefined;
      const sampler = setInterval(() => {
        poolWaitingMax = Math.max(poolWaitingMax, pool?.waitingCount ?? 0);
        samples += 1;
        if ((bench.tools.scans.queue.load().get(bench.clientId)?.running ?? 0) > 0) scanning += 1;
      }, 5);
      const cpu = process.cpuUsage();
      const load = await runLoad({ url: bench.url, keys, calls, scopes: B_SCOPES });
      const used = process.cpuUsage(cpu);
      clearInterval(sampler);
      delay.disable();
      const after = await bench.sandbox.counters();
      const until = new Date();
      const sorted = load.latencies.sort((x, y) => x - y);
      const audit = await bench.services.db
        .select({ ms: auditEvents.durationMs })
        .from(auditEvents)
        .where(and(eq(auditEvents.clientId, b.id), gte(auditEvents.createdAt, since)));
      const aDone = await bench.services.db
        .select({ ms: auditEvents.durationMs })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.clientId, bench.clientId),
            eq(auditEvents.operation, "check_tag_compliance"),
            gte(auditEvents.createdAt, since),
            lte(auditEvents.createdAt, until),
          ),
        );
      return {
        toolP95: pct(
          audit.map((row) => row.ms).sort((x, y) => x - y),
          95,
        ),
        p50: pct(sorted, 50),
        p95: pct(sorted, 95),
        seconds: load.seconds,
        cpuMs: (used.user + used.system) / 1000,
        errors: load.errors,
        bAwsCalls: callsBy(after, GLOBEX_ACCOUNT) - callsBy(before, GLOBEX_ACCOUNT),
        loopDelay: {
          p50: delay.percentile(50) / 1e6,
          p99: delay.percentile(99) / 1e6,
          max: delay.max / 1e6,
        },
        poolWaitingMax,
        aScanning: samples ? scanning / samples : 0,
        aScansDone: aDone.length,
        accounts: load.accounts,
      };
    };
    // Once unmeasured, so both phases see the same warmed JIT and pools.
    await phase();
    const idle = await phase();
    const noisy = await startNoisy({
      url: bench.url,
      key: bench.keys[0]!,
      lanes: options.lanes,
      scopes: A_SCOPES,
    });
    // Let A's scans get going before measuring.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const profile = process.env.BENCH_CPU_PROFILE ? await startProfile() : undefined;
    const loaded = await phase(options.loadedCalls);
    if (profile) writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(await profile()));
    const a = await noisy.stop();
    return {
      idle,
      loaded,
      ratio: loaded.p95 / idle.p95,
      aScans: a.scans,
      aErrors: a.errors,
      aAccounts: a.accounts,
      aClientId: bench.clientId,
    };
  } finally {
    await bench.close();
  }
}
