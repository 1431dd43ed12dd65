// Benchmark (a script, not a test: it prints figures and never fails on time).
// A cold discoverResources over every cost-generating type of a synthetic 10,000-resource account
// in 6 regions, against the AWS sandbox with 50 ms per call. It compares the wall time with the
// floor AWS pagination sets: the pages of one query come one after the other (each token comes
// from the previous page), so no scan beats (the longest chain the sandbox served) × latency; a
// region's Tagging walk is several queries side by side (tagging-types.ts typeWalks).
// Target: wall ≤ 1.5 × floor.
//
// On a loaded machine even that walk alone takes longer than pages × latency, so each scan is
// paired with two references on the same machine, same moment: the slowest region's walks by
// themselves ("alone"), and every region's walks at once with nothing else ("walks"). wall ÷ alone is
// what the whole scan adds to the unavoidable chain; walks ÷ alone is how much of that is only
// CPU (the SDK's parsing here, the single-threaded sandbox there), before any lister runs.
//
// The sandbox runs in a process of its own by default: its CPU time is AWS's in real life, and
// charging it to the scan would measure the sandbox. `--in-process` shares one event loop instead.
//
// Run: cd packages/aws && npx tsx bench/discovery.bench.ts [--runs 3] [--per-region 4,8,16,32]
//      [--resources 10000] [--latency 50] [--in-process]
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { type CounterSnapshot, generateAccount, startSandbox } from "@tagc/aws-sandbox";
import { COST_GENERATING_TYPES } from "@tagc/core";
import { DEFAULT_CONCURRENCY, sdkClientConfig } from "../src";
import { LISTERS } from "../src/discovery/listers";
import { typeWalks } from "../src/discovery/tagging-types";
import { FULL_READ } from "../test/discovery/fixtures";
import { ACME, CONTROL_PLANE, scannerRole } from "../test/fixtures";
import { acmeScope } from "./acme-scope";

const REGIONS = 6;
const TARGET_RATIO = 1.5;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "per-region": { type: "string", default: `4,8,${DEFAULT_CONCURRENCY.perRegion},32` },
    resources: { type: "string", default: "10000" },
    // 50 ms is the benchmark; a larger value shows the design's critical path once CPU stops mattering.
    latency: { type: "string", default: "50" },
    "in-process": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const LATENCY_MS = Number(values.latency);
const perRegionCandidates = [...new Set(values["per-region"].split(",").map(Number))];

interface BenchSandbox {
  url: string;
  /** CPU ms the sandbox has used so far (Linux /proc; undefined elsewhere or in process). */
  cpuMs(): number | undefined;
  counters(): Promise<CounterSnapshot>;
  resetCounters(): Promise<void>;
  stop(): Promise<void>;
}

async function inProcessSandbox(): Promise<BenchSandbox> {
  const account = generateAccount({
    accountId: ACME.accountId,
    resources: Number(values.resources),
    regions: REGIONS,
    roles: [scannerRole(ACME.externalId, "TagComplianceReadOnly", FULL_READ)],
  });
  const sandbox = await startSandbox({
    seed: { control_plane: CONTROL_PLANE, accounts: [account] },
    faults: { latency_ms: LATENCY_MS },
  });
  return {
    url: sandbox.url,
    cpuMs: () => undefined,
    counters: async () => sandbox.counters(),
    resetCounters: async () => sandbox.resetCounters(),
    stop: () => sandbox.stop(),
  };
}

async function childSandbox(): Promise<BenchSandbox> {
  const args = ["tsx", "bench/sandbox-process.ts", values.resources, String(REGIONS), String(LATENCY_MS)];
  const child: ChildProcess = spawn("npx", args, { stdio: ["pipe", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`sandbox process exited with ${code}`)));
    if (child.stdout) createInterface({ input: child.stdout }).once("line", resolve);
  });
  const { url, pid } = JSON.parse(line) as { url: string; pid: number };
  const admin = (method: string) => fetch(`${url}/_sandbox/counters`, { method });
  const cpuMs = () => {
    try {
      // utime and stime, in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  };
  return {
    url,
    cpuMs,
    counters: async () => (await (await admin("GET")).json()) as CounterSnapshot,
    resetCounters: async () => void (await admin("DELETE")).body?.cancel(),
    // Closing its stdin ends the child (see sandbox-process.ts).
    stop: async () => void child.stdin?.end(),
  };
}

const sandbox = values["in-process"] ? await inProcessSandbox() : await childSandbox();
const { config, credentials, broker, regions, discoverAll } = await acmeScope(sandbox.url);

/** The region's Tagging walks by themselves: the same pages, side by side as the scan has them, nothing else running. */
async function walkAlone(region: string): Promise<number> {
  const client = new ResourceGroupsTaggingAPIClient(sdkClientConfig(config, region, credentials));
  const started = performance.now();
  const early = new Set([...LISTERS.values()].filter((l) => l.describesUnwalked).map((l) => l.type));
  await Promise.all(
    typeWalks(COST_GENERATING_TYPES, early).map(async ({ filters }) => {
      let token: string | undefined;
      do {
        const out = await client.send(
          new GetResourcesCommand({
            ResourceTypeFilters: filters,
            ResourcesPerPage: 100,
            PaginationToken: token,
          }),
        );
        token = out.PaginationToken || undefined;
      } while (token);
    }),
  );
  client.destroy();
  return performance.now() - started;
}

/** Every region's walk at once, and nothing else. */
async function walksTogether(): Promise<number> {
  const started = performance.now();
  await Promise.all(regions.map((region) => walkAlone(region)));
  return performance.now() - started;
}

interface Run {
  wall: number;
  alone: number;
  walks: number;
  clientCpu: number;
  sandboxCpu: number | undefined;
  floor: number;
  pages: number;
  calls: number;
  resources: number;
  status: string;
}

async function scanOnce(perRegion: number): Promise<Run> {
  await sandbox.resetCounters();
  const sandboxCpu = sandbox.cpuMs();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await discoverAll({ concurrency: { perRegion } });
  const wall = performance.now() - started;
  const clientCpu = process.cpuUsage(cpu);
  const sandboxCpuAfter = sandbox.cpuMs();
  // The floor from the sandbox's own counters: the longest chain of pages of one query.
  const counters = await sandbox.counters();
  const longest = Math.max(0, ...Object.values(counters.chains ?? {}));
  const walkPages = regions.map(
    (region) => counters.by_account_region[`${ACME.accountId}/${region}`]?.["tag:GetResources"] ?? 0,
  );
  const statsPages = regions.map((region) => result.stats.per_region[region]?.pages ?? 0);
  if (walkPages.join() !== statsPages.join())
    console.warn("stats and counters disagree:", walkPages, statsPages);
  const slowest = regions[walkPages.indexOf(Math.max(...walkPages))] ?? "us-east-1";
  return {
    wall,
    clientCpu: (clientCpu.user + clientCpu.system) / 1000,
    sandboxCpu:
      sandboxCpu === undefined || sandboxCpuAfter === undefined ? undefined : sandboxCpuAfter - sandboxCpu,
    alone: await walkAlone(slowest),
    walks: await walksTogether(),
    floor: longest * LATENCY_MS,
    pages: result.stats.pages,
    calls: result.stats.api_calls,
    resources: result.resources.length,
    status: result.data_quality.status,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const col = (value: string | number, width = 8) => String(value).padStart(width);

console.log(
  `${values.resources} resources, ${regions.length} regions, ${COST_GENERATING_TYPES.length} types, ` +
    `${LATENCY_MS} ms per call, sandbox ${values["in-process"] ? "in process" : "in its own process"}, ` +
    `${runs} runs per setting (median), load average ${loadavg()[0]?.toFixed(1)}\n`,
);
console.log(
  `${col("perRegion", 9)}${col("wall ms")}${col("floor ms", 9)}${col("ratio", 7)}${col("alone ms", 9)}` +
    `${col("walks ms", 9)}${col("÷alone", 7)}${col("cpu ms")}${col("aws cpu")}${col("pages", 7)}` +
    `${col("calls", 7)}${col("resources", 10)}  status`,
);
await scanOnce(DEFAULT_CONCURRENCY.perRegion); // warm-up (JIT, sockets), not reported
const ratios = new Map<number, number>();
for (const perRegion of perRegionCandidates) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await scanOnce(perRegion));
  const wall = median(results.map((r) => r.wall));
  const alone = median(results.map((r) => r.alone));
  const walks = median(results.map((r) => r.walks));
  const clientCpu = median(results.map((r) => r.clientCpu));
  const sandboxCpus = results.flatMap((r) => (r.sandboxCpu === undefined ? [] : [r.sandboxCpu]));
  const last = results[results.length - 1];
  if (!last) continue;
  const ratio = wall / last.floor;
  ratios.set(perRegion, ratio);
  console.log(
    `${col(perRegion, 9)}${col(wall.toFixed(0))}${col(last.floor, 9)}${col(ratio.toFixed(2), 7)}` +
      `${col(alone.toFixed(0), 9)}${col(walks.toFixed(0), 9)}${col((wall / alone).toFixed(2), 7)}` +
      `${col(clientCpu.toFixed(0))}${col(sandboxCpus.length ? median(sandboxCpus).toFixed(0) : "-")}` +
      `${col(last.pages, 7)}${col(last.calls, 7)}${col(last.resources, 10)}  ${last.status}`,
  );
}
const ratio = ratios.get(DEFAULT_CONCURRENCY.perRegion);
if (ratio !== undefined) {
  console.log(
    `\ndefault concurrency { regions: ${DEFAULT_CONCURRENCY.regions}, perRegion: ${DEFAULT_CONCURRENCY.perRegion} }: ` +
      `wall/floor ${ratio.toFixed(2)} — ${ratio <= TARGET_RATIO ? "meets" : "misses"} the ${TARGET_RATIO}× target ` +
      `(load average now ${loadavg()[0]?.toFixed(1)})`,
  );
}
broker.destroy();
await sandbox.stop();
