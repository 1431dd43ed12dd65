// One cold check_tag_compliance(["all"]) and what it cost: wall time against the pagination floor
// (from the sandbox's own counters) and the server process's CPU and peak RSS.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CounterSnapshot } from "@tagc/aws-sandbox";
import type { BenchServer } from "./server-child";

export interface ColdFigures {
  wallMs: number;
  floorMs: number;
  /** The longest pagination chain the sandbox served (pages, and which query) and Cost Explorer's pages. */
  chainPages: number;
  chainPlace: string;
  cePages: number;
  /** The three longest chains, "pages operation in account/region", for what the scan waited on. */
  longestChains: string;
  /** The Tagging pages of the busiest region, all its walks together: the floor of one walk per region. */
  taggingPages: number;
  taggingPlace: string;
  oneWalkFloorMs: number;
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

// The floor: AWS's own minimum for the requests the scan made. The pages of one query come one
// after another (each carries the token of the one before), so no client, however fast, gets a
// query's N pages in less than N round trips; different queries can all run at once. So the floor
// is the longest pagination chain the sandbox served (counters.chains: one per query, whatever its
// operation, so a lister's own list counts too, and a region's Tagging walk split into two queries
// is two chains), or Cost Explorer's pages (its queries depend on each other, so they count as one
// chain), plus the AssumeRole and DescribeRegions calls that must come first. For comparison: the
// old floor, one Tagging walk per region (all its GetResources pages in one chain).
export function paginationFloor(counters: CounterSnapshot, latencyMs: number) {
  const pages = Object.entries(counters.by_account_region).map(
    ([place, ops]) => [place, (ops as Record<string, number>)["tag:GetResources"] ?? 0] as const,
  );
  const [taggingPlace, taggingPages] = pages.reduce((a, b) => (b[1] > a[1] ? b : a), ["-", 0] as const);
  // A chain is keyed "account/region operation query-fingerprint".
  const chains = Object.entries(counters.chains ?? {})
    .map(([chain, n]) => [chain.split(" ").slice(0, 2).reverse().join(" in "), n] as const)
    .sort((a, b) => b[1] - a[1]);
  const [chainPlace, chainPages] = chains[0] ?? ["-", 0];
  const cePages = counters.by_operation["ce:GetCostAndUsage"] ?? 0;
  const floorMs = (Math.max(chainPages, cePages) + 2) * latencyMs;
  const oneWalkFloorMs = (Math.max(taggingPages, cePages) + 2) * latencyMs;
  const longestChains = chains
    .slice(0, 3)
    .map(([chain, n]) => `${n} ${chain}`)
    .join(", ");
  const operations = Object.entries(counters.by_operation).sort((a, b) => b[1] - a[1]);
  const byOperation = [
    ...operations.slice(0, 6).map(([operation, calls]) => `${operation} ${calls}`),
    `${operations.length - 6} more operations ${operations.slice(6).reduce((n, [, calls]) => n + calls, 0)}`,
  ].join(", ");
  return {
    floorMs,
    chainPages,
    chainPlace,
    cePages,
    longestChains,
    taggingPages,
    taggingPlace,
    oneWalkFloorMs,
    awsCalls: counters.total,
    byOperation,
  };
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
