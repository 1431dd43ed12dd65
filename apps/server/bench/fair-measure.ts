// The fair-scanning figure: tenant B's warm p95 (cached check_tag_compliance over MCP) while idle, and
// again while tenant A runs cold scans continuously (several force_refresh loops at once). The server
// runs in this process; the sandbox, B's load and A's loops run in processes of their own, so the CPU
// measured here (process.cpuUsage) is the server's.
import { auditEvents } from "@tagc/db";
import type { ToolRuntimeOptions } from "@tagc/services";
import { and, eq, gte } from "drizzle-orm";
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
  clients: number;
  scanQueue?: ToolRuntimeOptions["scanQueue"];
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

export async function measureFairness(options: FairnessOptions) {
  const bench = await startBench({
    resources: options.resources,
    regions: options.regions,
    latencyMs: options.latencyMs,
    keys: 1,
    secondResources: options.resources,
    ...(options.scanQueue ? { scanQueue: options.scanQueue } : {}),
  });
  try {
    const b = bench.second!;
    const keys = Array.from({ length: options.clients }, () => b.apiKey);
    // Warm B's scopes (its cold scans are not measured).
    await runLoad({ url: bench.url, keys: [b.apiKey], calls: B_SCOPES.length, scopes: B_SCOPES });
    const phase = async (): Promise<Phase> => {
      const since = new Date();
      const cpu = process.cpuUsage();
      const load = await runLoad({ url: bench.url, keys, calls: options.calls, scopes: B_SCOPES });
      const used = process.cpuUsage(cpu);
      const sorted = load.latencies.sort((x, y) => x - y);
      const audit = await bench.services.db
        .select({ ms: auditEvents.durationMs })
        .from(auditEvents)
        .where(and(eq(auditEvents.clientId, b.id), gte(auditEvents.createdAt, since)));
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
    const loaded = await phase();
    const a = await noisy.stop();
    return { idle, loaded, ratio: loaded.p95 / idle.p95, aScans: a.scans, aErrors: a.errors };
  } finally {
    await bench.close();
  }
}
