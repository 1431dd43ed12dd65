// The first scan's one-time cost: in each of BENCH_RUNS fresh server processes, one cold
// check_tag_compliance(["all"]) and then the same scan again (force_refresh), each one's server CPU,
// in all and per thread: V8's workers (V8Worker: concurrent Maglev/TurboFan compiles and GC) apart
// from the main thread (lazy compilation, IC warm-up, the work itself). The difference between the
// two scans is what the first pays once per process, which the scaling table's fresh rows include.
// Usage: BENCH_RESOURCES=10000 BENCH_RUNS=3 npx tsx bench/server-first-scan.ts
// (BENCH_SERVER_ARGS adds node flags to the server, as for the other benches.)
import { fileURLToPath } from "node:url";
import { coldScan, measureCold } from "./cold";
import { connect } from "./mcp-client";
import { SCAN_DEADLINE_MS } from "./scaling";
import { spawnServer } from "./server-child";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 6);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);

const MiB = 1024 * 1024;
const per1k = (cpuMs: number, resources: number) => `${((cpuMs / resources) * 1000).toFixed(0)} ms/1k`;

/** Each thread name's CPU over the first scan and over the second (ms; /proc's 10 ms ticks). */
function byThread(...[t0, t1, t2, t3]: Record<string, number>[]) {
  const delta = (a: Record<string, number>, b: Record<string, number>, name: string) =>
    ((b[name] ?? 0) - (a[name] ?? 0)) / 1000;
  return Object.keys(t3!)
    .map((name) => [name, delta(t0!, t1!, name), delta(t2!, t3!, name)] as const)
    .filter(([, a, b]) => a + b > 0)
    .sort((a, b) => b[1] + b[2] - a[1] - a[2])
    .map(([name, a, b]) => `${name} ${a.toFixed(0)} / ${b.toFixed(0)} ms`)
    .join(", ");
}

/** One fresh server: its first scan and the same scan again; prints a line and returns the figures. */
export async function firstAndAgain(label: string) {
  const server = await spawnServer({
    resources: RESOURCES,
    regions: REGIONS,
    latencyMs: LATENCY_MS,
    keys: 1,
    deadlineMs: SCAN_DEADLINE_MS,
  });
  try {
    const first = await connect(server.url, server.keys[0]!);
    const t0 = await server.threads();
    const cold = await measureCold(server, first, LATENCY_MS);
    const t1 = await server.threads();
    await first.close();
    // A fresh session: a forced call repeated in one session is a loop.
    const again = await connect(server.url, server.keys[0]!);
    const t2 = await server.threads();
    const before = await server.cpuUs();
    await coldScan(again, { force_refresh: true });
    const againMs = ((await server.settle()).cpuUs - before) / 1000;
    const t3 = await server.threads();
    await again.close();
    console.log(
      `${label}: ${cold.discovered} resources; first scan ${cold.cpuMs.toFixed(0)} ms (${per1k(cold.cpuMs, cold.discovered)}), again ${againMs.toFixed(0)} ms (${per1k(againMs, cold.discovered)}), one-time ${(cold.cpuMs - againMs).toFixed(0)} ms; RSS before scan ${(cold.startRss / MiB).toFixed(0)} MiB, peak ${(cold.peakRss / MiB).toFixed(0)} MiB`,
    );
    console.log(`  by thread, first / again: ${byThread(t0, t1, t2, t3)}`);
    return { firstMs: cold.cpuMs, againMs, startRss: cold.startRss, peakRss: cold.peakRss };
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  for (let run = 1; run <= runs; run++) await firstAndAgain(`run ${run}`);
  process.exit(0);
}
