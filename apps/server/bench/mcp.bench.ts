// `pnpm bench`: prints the MCP endpoint's performance figures against the AWS sandbox with injected
// latency. A script, not a test: it prints numbers and never fails on time.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { auditEvents } from "@tagc/db";
import { and, eq, gte } from "drizzle-orm";
import { runLoad } from "./run-load";
import { startBench } from "./setup";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 6);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const CALLS = Number(process.env.BENCH_CALLS ?? 1_000);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const connect = async (url: string, key: string) => {
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${key}` } },
    }),
  );
  return client;
};
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const bench = await startBench({
  resources: RESOURCES,
  regions: REGIONS,
  latencyMs: LATENCY_MS,
  keys: CLIENTS,
});
console.log(
  `MCP benchmark: ${RESOURCES} resources over ${REGIONS} regions, ${LATENCY_MS} ms per AWS call, ${CLIENTS} concurrent MCP clients, Postgres + in-memory cache`,
);

// 1. Cold scan.
const first = await connect(bench.url, bench.keys[0]!);
const started = performance.now();
const cold = await first.callTool({ name: "check_tag_compliance", arguments: { resource_types: ["all"] } });
const coldMs = performance.now() - started;
const counters = await bench.sandbox.counters();
const pagesPerRegion = Object.entries(counters.by_account_region).map(
  ([place, ops]) => [place, (ops as Record<string, number>)["tag:GetResources"] ?? 0] as const,
);
const slowest = pagesPerRegion.reduce((a, b) => (b[1] > a[1] ? b : a), ["-", 0] as readonly [string, number]);
// The floor: pages of one walk are sequential. Discovery walks the Tagging API in every region at
// once, and Cost Explorer (one global walk) runs alongside it, so the floor is the longest of those
// walks, plus the AssumeRole and DescribeRegions calls that must come first.
const cePages = counters.by_operation["ce:GetCostAndUsage"] ?? 0;
const longest = Math.max(slowest[1], cePages);
const floorMs = (longest + 2) * LATENCY_MS;
const structured = cold.structuredContent as { total_resources: number; data_quality: { status: string } };
console.log(
  `cold check_tag_compliance("all"): ${coldMs.toFixed(0)} ms, ${structured.total_resources} in-scope resources, data_quality ${structured.data_quality.status}`,
);
console.log(
  `  pagination floor: max(${slowest[1]} Tagging pages in ${slowest[0]}, ${cePages} Cost Explorer pages) + AssumeRole + DescribeRegions = ${floorMs} ms → ratio ${(coldMs / floorMs).toFixed(2)}×  (${counters.total} AWS calls)`,
);

// 2. Warm: pre-warm a few scopes, then CALLS distinct calls from CLIENTS concurrent clients.
const scopes = [
  ["all"],
  ["ec2:instance"],
  ["ec2:volume", "ec2:snapshot"],
  ["lambda:function"],
  ["rds:db", "dynamodb:table"],
];
for (const scope of scopes.slice(1))
  await first.callTool({ name: "check_tag_compliance", arguments: { resource_types: scope } });
const since = new Date();
const load = await runLoad({ url: bench.url, keys: bench.keys, calls: CALLS, scopes });
const latencies = load.latencies.sort((a, b) => a - b);
const errors = load.errors;
const warmSeconds = load.seconds;
const audit = await bench.services.db
  .select({ ms: auditEvents.durationMs })
  .from(auditEvents)
  .where(
    and(
      eq(auditEvents.clientId, bench.clientId),
      eq(auditEvents.operation, "check_tag_compliance"),
      gte(auditEvents.createdAt, since),
    ),
  );
const serverMs = audit.map((a) => a.ms).sort((a, b) => a - b);
console.log(
  `warm: ${CALLS} calls in ${warmSeconds.toFixed(1)} s = ${(CALLS / warmSeconds).toFixed(0)} calls/s with ${CLIENTS} concurrent clients (${errors} tool errors)`,
);
console.log(
  `  client-observed p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms; server tool time (audit) p50 ${pct(serverMs, 50)} ms, p99 ${pct(serverMs, 99)} ms`,
);

// 3. STS: every call above was made by the one client.
const sts = (await bench.sandbox.counters()).by_operation["sts:AssumeRole"] ?? 0;
console.log(`STS: ${sts} AssumeRole for ${CALLS + scopes.length} tool calls of one client`);
console.log(
  `peak RSS of the server process (the sandbox and the MCP clients run in their own processes): ${(peakRss / 1024 / 1024).toFixed(0)} MiB`,
);

clearInterval(sampler);
await first.close();
await bench.close();
process.exit(0);
