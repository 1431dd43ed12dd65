// Benchmark (a script, not a test: it prints figures and never fails on time). Issue 12's cold scan:
// a 50,000-resource account in 6 regions, 200 ms on every AWS call, the server with its default
// SCAN_FOREGROUND_MS and SCAN_DEADLINE_MS. One client calls check_tag_compliance(["all"]) with a
// progressToken and follows up until the result is complete. The sandbox runs in a process of its
// own, so the CPU time printed is the server's (and this client's), not AWS's.
// Run: cd apps/server && npx tsx bench/big-scan.bench.ts   (BENCH_RESOURCES, BENCH_LATENCY_MS)
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { connect } from "./mcp-client";
import { startBench } from "./setup";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 50_000);
const REGIONS = 6;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 200);

const bench = await startBench({
  resources: RESOURCES,
  regions: REGIONS,
  latencyMs: LATENCY_MS,
  keys: 1,
  serverScanTimes: true,
});
const client = await connect(bench.url, bench.keys[0]!);
console.log(`Cold scan: ${RESOURCES} resources over ${REGIONS} regions, ${LATENCY_MS} ms per AWS call`);

const calls: { ms: number; status: string; progress: number }[] = [];
const cpu = process.cpuUsage();
const started = performance.now();
let result: CallToolResult;
do {
  let progress = 0;
  const t = performance.now();
  result = (await client.callTool(
    { name: "check_tag_compliance", arguments: { resource_types: ["all"] } },
    undefined,
    {
      onprogress: () => {
        progress += 1;
      },
      timeout: 120_000,
    },
  )) as CallToolResult;
  const status = (result.structuredContent as { scan_status?: string } | undefined)?.scan_status ?? "done";
  calls.push({ ms: Math.round(performance.now() - t), status, progress });
} while (calls.at(-1)?.status === "running");
const wallS = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const counters = await bench.sandbox.counters();
const awsCalls = Object.values(counters.by_operation).reduce((a, b) => a + b, 0);
const out = result.structuredContent as { total_resources?: number; data_quality?: { status: string } };

for (const [i, call] of calls.entries())
  console.log(`  call ${i + 1}: ${call.ms} ms, ${call.status}, ${call.progress} progress notifications`);
console.log(`  result: ${out.total_resources} resources judged, data_quality ${out.data_quality?.status}`);
console.log(`  scan wall time      ${wallS.toFixed(1)} s`);
console.log(`  AWS calls           ${awsCalls} (${(awsCalls / wallS).toFixed(1)} per second)`);
console.log(`  Tagging API pages   ${counters.by_operation["tag:GetResources"] ?? 0}`);
console.log(
  `  server CPU          ${(used.user / 1e6).toFixed(1)} s user + ${(used.system / 1e6).toFixed(1)} s system (${(((used.user + used.system) / 1e6 / wallS) * 100).toFixed(0)}% of one core)`,
);
await client.close();
await bench.close();
process.exit(0);
