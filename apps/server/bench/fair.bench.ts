// `pnpm --filter @tagc/server exec tsx bench/fair.bench.ts`: tenant B's warm p95 idle and while tenant
// A scans continuously, with the fair queue (SCAN_CONCURRENCY 4, per client 2) and, for comparison,
// with no cap. A script, not a test: it prints numbers and never fails on time.
import { measureFairness, type Phase } from "./fair-measure";

const options = {
  resources: Number(process.env.BENCH_RESOURCES ?? 10_000),
  regions: Number(process.env.BENCH_REGIONS ?? 6),
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 50),
  lanes: Number(process.env.BENCH_LANES ?? 8),
  calls: Number(process.env.BENCH_CALLS ?? 480),
  // Long enough for the noisy tenant's (paced) scans to finish inside the loaded phase.
  loadedCalls: Number(process.env.BENCH_LOADED_CALLS ?? 1_600),
  clients: Number(process.env.BENCH_CLIENTS ?? 8),
  ...(process.env.BENCH_REDIS_URL ? { redisUrl: process.env.BENCH_REDIS_URL } : {}),
};
const show = (p: Phase) =>
  `p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms (tool time in the server p95 ${p.toolP95} ms), ${p.seconds.toFixed(1)} s wall, server CPU ${p.cpuMs.toFixed(0)} ms (${((p.cpuMs / (p.seconds * 1000)) * 100).toFixed(0)} % of one core), ${p.errors} errors; B's AWS calls ${p.bAwsCalls}; event-loop delay p50 ${p.loopDelay.p50.toFixed(1)} / p99 ${p.loopDelay.p99.toFixed(1)} / max ${p.loopDelay.max.toFixed(0)} ms; pool waiters max ${p.poolWaitingMax}; A's scans finished in the phase ${p.aScansDone}`;
console.log(
  `fair scanning: ${options.resources} resources × 2 tenants over ${options.regions} regions, ${options.latencyMs} ms per AWS call; A runs ${options.lanes} force_refresh loops, B makes ${options.calls} warm calls from ${options.clients} clients`,
);
const busy = Number(process.env.BENCH_BUSY_CALLS ?? 2);
const modes = [
  [
    `fair queue (4 slots, 2 per tenant), cold scans paced to ${busy} AWS calls while others wait`,
    { capacity: 4, perClient: 2 },
    busy,
  ],
  ["fair queue, cold scans not paced (before)", { capacity: 4, perClient: 2 }, 1_000_000],
] as const;
for (const [label, scanQueue, scanBusyCalls] of process.env.BENCH_ONLY_FAIR ? modes.slice(0, 1) : modes) {
  const r = await measureFairness({ ...options, scanQueue, scanBusyCalls });
  console.log(`${label}:`);
  console.log(`  B idle:   ${show(r.idle)}`);
  console.log(`  B loaded: ${show(r.loaded)}`);
  console.log(
    `  ratio loaded/idle p95: ${r.ratio.toFixed(2)}×  (A finished ${r.aScans} cold scans, ${r.aErrors} errors)`,
  );
}
process.exit(0);
