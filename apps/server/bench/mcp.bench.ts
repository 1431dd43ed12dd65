// `pnpm bench`: prints the MCP endpoint's performance figures against the AWS sandbox with injected
// latency. A script, not a test: it prints numbers and never fails on time. The server runs in a
// process of its own (bench/server-process.ts) and reports its own CPU time and peak RSS; the
// sandbox, the MCP clients and the load generator run in other processes, so those figures are the
// server's alone. On a shared machine wall times wander; CPU times are the stable figures.

import { coldScan, measureCold } from "./cold";
import { crossTenant } from "./cross-tenant";
import { connect } from "./mcp-client";
import { coldAt, SCAN_DEADLINE_MS, scalingTable } from "./scaling";
import { spawnServer } from "./server-child";
import { concurrentLoad, sequentialCpu, WARM_SCOPES } from "./warm";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 6);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL_CALLS ?? 200);
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,50000,100000").split(",").filter(Boolean).map(Number);
const B_CLIENTS = 4;

const MiB = 1024 * 1024;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const share = (cpuMs: number, seconds: number) => `${((cpuMs / (seconds * 1000)) * 100).toFixed(0)}%`;
const progress = (line: string) => console.error(`… ${line}`);

console.log(
  `MCP benchmark: ${RESOURCES} resources over ${REGIONS} regions, ${LATENCY_MS} ms per AWS call, ${CLIENTS} concurrent MCP clients, Postgres + in-memory cache; the server in its own process (CPU and RSS are its own)`,
);
progress(`starting the sandbox and the server (${RESOURCES} resources, and a second tenant as large)`);
const server = await spawnServer({
  resources: RESOURCES,
  regions: REGIONS,
  latencyMs: LATENCY_MS,
  keys: CLIENTS,
  secondResources: RESOURCES,
  deadlineMs: SCAN_DEADLINE_MS,
});

// 1. Cold scan.
const first = await connect(server.url, server.keys[0]!);
const cold = await measureCold(server, first, LATENCY_MS);
console.log(
  `cold check_tag_compliance("all"): ${cold.wallMs.toFixed(0)} ms, ${cold.discovered} resources discovered (${cold.inScope} in scope), data_quality ${cold.dataQuality}`,
);
console.log(
  `  pagination floor: max(longest chain ${cold.chainPages} pages (${cold.chainPlace}), ${cold.cePages} Cost Explorer pages) + AssumeRole + DescribeRegions = ${cold.floorMs} ms → ratio ${(cold.wallMs / cold.floorMs).toFixed(2)}×  (${cold.awsCalls} AWS calls)`,
);
console.log(
  `  longest chains (pages, query): ${cold.longestChains}; one walk per region would be ${cold.taggingPages} Tagging pages in ${cold.taggingPlace} = ${cold.oneWalkFloorMs} ms (ratio ${(cold.wallMs / cold.oneWalkFloorMs).toFixed(2)}×)`,
);
console.log(`  AWS calls by operation: ${cold.byOperation}`);
console.log(
  `  server CPU ${cold.cpuMs.toFixed(0)} ms = ${((cold.cpuMs / cold.discovered) * 1000).toFixed(0)} ms per 1,000 resources discovered; the sandbox (AWS) used ${cold.sandboxCpuMs.toFixed(0)} ms of CPU`,
);

// The same scan again in the now warmed-up process: what a cold scan costs without the one-time share
// (lazily loaded modules, JIT). A fresh session: a forced call repeated in one session is a loop.
const again = await connect(server.url, server.keys[0]!);
const cpuAgain = await server.cpuUs();
const second = await coldScan(again, { force_refresh: true });
const cpuSecond = ((await server.settle()).cpuUs - cpuAgain) / 1000;
await again.close();
console.log(
  `  again (force_refresh, same process): ${second.wallMs.toFixed(0)} ms (${(second.wallMs / cold.floorMs).toFixed(2)}× the floor), server CPU ${cpuSecond.toFixed(0)} ms = ${((cpuSecond / cold.discovered) * 1000).toFixed(0)} ms per 1,000 resources`,
);

// 2. Warm: pre-warm a few scopes, then one call at a time, then CALLS calls from CLIENTS clients.
const scopes = WARM_SCOPES;
for (const scope of scopes.slice(1))
  await first.callTool({ name: "check_tag_compliance", arguments: { resource_types: scope } });
await first.close();
progress(`${SEQUENTIAL} warm calls one at a time`);
const one = await sequentialCpu(server, server.keys[0]!, SEQUENTIAL, scopes);
console.log(
  `warm, one call at a time (${SEQUENTIAL} calls): server CPU per call median ${ms(one.cpuMedianMs)}, p90 ${ms(one.cpuP90Ms)}; client-observed median ${ms(one.wallMedianMs)}  (reading the CPU costs ${ms(one.overheadMs)}, included)`,
);
progress(`${CALLS} warm calls from ${CLIENTS} clients`);
const load = await concurrentLoad(server, server.keys, CALLS, scopes);
console.log(
  `warm: ${CALLS} calls in ${load.seconds.toFixed(1)} s = ${(CALLS / load.seconds).toFixed(0)} calls/s with ${CLIENTS} concurrent clients (${load.errors} tool errors)`,
);
for (const sample of load.errorSamples) console.log(`  tool error: ${sample}`);
console.log(
  `  client-observed p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms; server tool time (audit) p50 ${load.toolP50} ms, p99 ${load.toolP99} ms`,
);
console.log(
  `  server CPU ${load.cpuMs.toFixed(0)} ms = ${ms(load.cpuPerCallMs)} per call (total/calls), ${share(load.cpuMs, load.seconds)} of one core; the load generator's own CPU ${share(load.loadCpuMs, load.seconds)} of one core`,
);

// 3. STS: every call so far was made by the one client.
const sts = (await server.counters()).by_operation["sts:AssumeRole"] ?? 0;
console.log(
  `STS: ${sts} AssumeRole for ${2 + (scopes.length - 1) + SEQUENTIAL + CALLS} tool calls of one client`,
);

// 4. Cross-tenant: B's warm calls while A scans cold.
progress("cross-tenant: tenant B warm while tenant A scans cold");
const cross = await crossTenant(server, { clients: B_CLIENTS, idleCalls: 200 });
console.log(
  `cross-tenant: tenant B's warm calls (${B_CLIENTS} clients) idle p50 ${ms(cross.idle.p50)}, p95 ${ms(cross.idle.p95)} (${cross.idle.calls} calls); while tenant A scans cold (${cross.aColdMs.toFixed(0)} ms, server CPU ${cross.cpuMs.toFixed(0)} ms) p50 ${ms(cross.loaded.p50)}, p95 ${ms(cross.loaded.p95)} (${cross.loaded.calls} calls) → p95 ${(cross.loaded.p95 / cross.idle.p95).toFixed(1)}× idle; ${cross.errors} tool errors; ${cross.foreign.length ? `B SAW OTHER ACCOUNTS: ${cross.foreign.join(", ")}` : "B's answers named only B's account"}`,
);
const peak = (await server.stats()).maxRss;
console.log(`peak RSS of the server process over the whole run: ${(peak / MiB).toFixed(0)} MiB`);
await server.close();

// 5. Scaling: one cold scan per size, each in a fresh server process.
const rows: [number, typeof cold][] = [];
for (const size of SIZES) {
  if (size === RESOURCES) rows.push([size, cold]);
  else {
    progress(`scaling: cold scan of ${size} resources`);
    rows.push([size, await coldAt(size, REGIONS, LATENCY_MS)]);
  }
}
console.log(
  `\nscaling: one cold check_tag_compliance("all") per size, ${REGIONS} regions, ${LATENCY_MS} ms per AWS call, a fresh server process each`,
);
console.log(scalingTable(rows));
if (SIZES.includes(RESOURCES))
  console.log(
    `(the ${RESOURCES.toLocaleString("en-US")} row is the cold scan above, its server also holding a second tenant)`,
  );
process.exit(0);
