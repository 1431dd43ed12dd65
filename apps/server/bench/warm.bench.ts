// `pnpm bench:warm`: the warm figures alone (issue 14's warm targets), in about a minute: one cold
// scan to fill the memo, then the warm calls one at a time and from many clients, as `pnpm bench`
// measures them (bench/warm.ts). A script, not a test: it prints numbers and never fails on time.
// With BENCH_SERVER_CPU_PROF=dir the server process writes a CPU profile there on exit
// (bench/profile-top.ts summarises it).
import { coldScan } from "./cold";
import { connect } from "./mcp-client";
import { spawnServer } from "./server-child";
import { concurrentLoad, sequentialCpu, WARM_SCOPES } from "./warm";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 2_000);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 6);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL_CALLS ?? 200);
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

const server = await spawnServer({ resources: RESOURCES, regions: REGIONS, latencyMs: 5, keys: CLIENTS });
const scopes = WARM_SCOPES;
const first = await connect(server.url, server.keys[0]!);
await coldScan(first);
for (const scope of scopes.slice(1))
  await first.callTool({ name: "check_tag_compliance", arguments: { resource_types: scope } });
await first.close();
// A first pass warms the JIT, so the figures below are the steady state.
await sequentialCpu(server, server.keys[0]!, 50, scopes);
const one = await sequentialCpu(server, server.keys[0]!, SEQUENTIAL, scopes);
console.log(
  `warm, one call at a time (${SEQUENTIAL} calls, ${RESOURCES} resources): server CPU per call median ${ms(one.cpuMedianMs)}, p90 ${ms(one.cpuP90Ms)}; client-observed median ${ms(one.wallMedianMs)}  (reading the CPU costs ${ms(one.overheadMs)}, included)`,
);
const load = await concurrentLoad(server, server.keys, CALLS, scopes);
console.log(
  `warm: ${CALLS} calls in ${load.seconds.toFixed(1)} s = ${(CALLS / load.seconds).toFixed(0)} calls/s with ${CLIENTS} concurrent clients (${load.errors} tool errors)`,
);
for (const sample of load.errorSamples) console.log(`  tool error: ${sample}`);
// The tool's own time (audit duration_ms): a high p99 here with the server's CPU to spare means calls
// wait inside the server (a database read, a lock), not for it.
console.log(`  tool time (audit duration_ms) p50 ${ms(load.toolP50)}, p99 ${ms(load.toolP99)}`);
console.log(
  `  client-observed p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms; server CPU ${load.cpuMs.toFixed(0)} ms = ${ms(load.cpuPerCallMs)} per call (total/calls); the load generator's own CPU ${((load.loadCpuMs / (load.seconds * 1000)) * 100).toFixed(0)}% of one core`,
);
await server.close();
process.exit(0);
