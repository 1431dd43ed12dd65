// One cold check_tag_compliance(["all"]) and what it cost: wall time against the pagination floor
// (from the sandbox's own counters) and the server process's CPU and peak RSS.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CounterSnapshot } from "@tagc/aws-sandbox";
import type { BenchServer } from "./server-child";

export interface ColdFigures {
  wallMs: number;
  floorMs: number;
  /** The longest Tagging walk (pages, in account/region) and Cost Explorer's pages. */
  taggingPages: number;
  taggingPlace: string;
  cePages: number;
  awsCalls: number;
  /** "operation calls, …": the six most called, then the rest together. */
  byOperation: string;
  /** Resources the scan judged plus those the policy excluded: everything discovery returned. */
  discovered: number;
  inScope: number;
  dataQuality: string;
  /** Server CPU over the call, including the rows it left queued (ms). */
  cpuMs: number;
  /** The sandbox's CPU over the call (AWS's side, 10 ms resolution). */
  sandboxCpuMs: number;
  peakRss: number;
  /** The server process's peak RSS before the scan (start-up, migrations, onboarding). */
  startRss: number;
}

// The floor: pages of one walk are sequential. Discovery walks the Tagging API in every region at
// once, and Cost Explorer (one global walk) runs alongside it, so the floor is the longest of those
// walks, plus the AssumeRole and DescribeRegions calls that must come first.
export function paginationFloor(counters: CounterSnapshot, latencyMs: number) {
  const pages = Object.entries(counters.by_account_region).map(
    ([place, ops]) => [place, (ops as Record<string, number>)["tag:GetResources"] ?? 0] as const,
  );
  const [taggingPlace, taggingPages] = pages.reduce((a, b) => (b[1] > a[1] ? b : a), ["-", 0] as const);
  const cePages = counters.by_operation["ce:GetCostAndUsage"] ?? 0;
  const floorMs = (Math.max(taggingPages, cePages) + 2) * latencyMs;
  const operations = Object.entries(counters.by_operation).sort((a, b) => b[1] - a[1]);
  const byOperation = [
    ...operations.slice(0, 6).map(([operation, calls]) => `${operation} ${calls}`),
    `${operations.length - 6} more operations ${operations.slice(6).reduce((n, [, calls]) => n + calls, 0)}`,
  ].join(", ");
  return { floorMs, taggingPlace, taggingPages, cePages, awsCalls: counters.total, byOperation };
}

/** `args` beyond the scope: `{ force_refresh: true }` makes a cached scope cold again. */
export async function coldScan(client: Client, extra: object = {}) {
  const started = performance.now();
  const result = await client.callTool(
    { name: "check_tag_compliance", arguments: { resource_types: ["all"], ...extra } },
    undefined,
    // A 100,000-resource scan outlasts the SDK's 60 s default.
    { timeout: 900_000 },
  );
  const wallMs = performance.now() - started;
  if (result.isError) throw new Error(`cold scan failed: ${JSON.stringify(result.content)}`);
  return { wallMs, structured: result.structuredContent as ColdOutput };
}

interface ColdOutput {
  total_resources: number;
  excluded: number;
  data_quality: { status: string };
}

export async function measureCold(server: BenchServer, client: Client, latencyMs: number) {
  const before = await server.stats();
  const { wallMs, structured } = await coldScan(client);
  const after = await server.settle();
  const floor = paginationFloor(await server.counters(), latencyMs);
  return {
    wallMs,
    ...floor,
    discovered: structured.total_resources + structured.excluded,
    inScope: structured.total_resources,
    dataQuality: structured.data_quality.status,
    cpuMs: (after.cpuUs - before.cpuUs) / 1000,
    sandboxCpuMs: (after.sandboxCpuUs - before.sandboxCpuUs) / 1000,
    peakRss: after.maxRss,
    startRss: before.maxRss,
  } satisfies ColdFigures;
}
