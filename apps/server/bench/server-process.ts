// The benchmark's server: startBench's real server (Postgres, in-memory cache, the sandbox as its AWS)
// in a process of its own, so process.cpuUsage and the peak RSS read here are the server's alone: the
// MCP clients, the load generator and the sandbox all run elsewhere. The parent drives it over the
// IPC channel (a bench-only hook: no server code knows about it). Each request costs this process a
// few tens of microseconds of CPU; mcp.bench.ts prints that overhead beside the per-call figure.
// Usage: forked by server-child.ts with one JSON argument (startBench's options).
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from "node:v8";
import { auditEvents } from "@tagc/db";
import { and, eq, gte } from "drizzle-orm";
import { processCpuUs, threadCpuUs } from "./proc-cpu";
import { startBench } from "./setup";

type Request =
  | { id: number; op: "cpu" | "stats" | "settle" | "counters" | "memory" | "threads" | "close" }
  | { id: number; op: "snapshot"; path: string }
  | { id: number; op: "audit"; clientId: string; since: string };

// No top-level await: bench/server-code-cache.ts builds this file as a classic script as well.
let bench!: Awaited<ReturnType<typeof startBench>>;

let closing: Promise<void> | undefined;
const closeOnce = () => {
  closing ??= bench.close();
  return closing;
};
// The parent going away (the channel closes) ends this process too, dropping its database.
process.on("disconnect", () => void closeOnce().finally(() => process.exit(0)));

const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const stats = () => ({
  cpuUs: cpuUs(),
  rss: process.memoryUsage.rss(),
  // resourceUsage reports kilobytes: the high-water mark of the whole process life.
  maxRss: process.resourceUsage().maxRSS * 1024,
  // AWS's side: whether a slow scan waited on the sandbox starved of CPU on a shared machine.
  sandboxCpuUs: processCpuUs(bench.sandbox.pid),
});

// Under BENCH_SERVER_CPU_PROF each CPU read is marked on stderr with the monotonic clock the V8
// profile's timestamps use (µs), so a profile can be cut to the window between two reads.
const marking = Boolean(process.env.BENCH_SERVER_CPU_PROF);

// Where the resident memory sits: V8's heap (per space), buffers outside it, and V8's own code.
const memory = () => ({
  ...process.memoryUsage(),
  maxRss: process.resourceUsage().maxRSS * 1024,
  spaces: Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [space.space_name, [space.space_used_size, space.space_size]]),
  ),
  heap: getHeapStatistics(),
  mappings: residentByMapping(),
});

// Resident kilobytes per mapping name (anonymous memory under "[anon]"), from /proc/self/smaps: what
// lies outside V8's heap (the node binary, malloc arenas, WebAssembly, …).
function residentByMapping() {
  const totals = new Map<string, number>();
  let name = "";
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) name = header[1] || "[anon]";
    else if (line.startsWith("Rss:"))
      totals.set(name, (totals.get(name) ?? 0) + Number.parseInt(line.slice(4), 10));
  }
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]).slice(0, 8));
}

async function handle(request: Request): Promise<unknown> {
  if (marking && (request.op === "cpu" || request.op === "stats" || request.op === "settle"))
    console.error(`[cpu-prof mark] ${request.op} ${process.hrtime.bigint() / 1000n}`);
  switch (request.op) {
    case "cpu":
      return cpuUs();
    case "stats":
      return stats();
    case "settle":
      // Work a call leaves behind (queued audit and usage rows) is charged to the call that made it.
      await Promise.all([bench.services.audit?.flush(), bench.services.usage?.flush()]);
      await bench.services.writes?.flush();
      await sleep(100);
      return stats();
    case "counters":
      return bench.sandbox.counters();
    case "memory":
      return memory();
    case "threads":
      return threadCpuUs();
    case "snapshot":
      return writeHeapSnapshot(request.path);
    case "audit": {
      const rows = await bench.services.db
        .select({ ms: auditEvents.durationMs })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.clientId, request.clientId),
            eq(auditEvents.operation, "check_tag_compliance"),
            gte(auditEvents.createdAt, new Date(request.since)),
          ),
        );
      return rows.map((row) => row.ms);
    }
    case "close":
      await closeOnce();
      return null;
  }
}

process.on("message", (request: Request) => {
  void handle(request).then(
    (result) => {
      process.send?.({ id: request.id, result }, () => {
        if (request.op === "close") process.exit(0);
      });
    },
    (error: Error) => process.send?.({ id: request.id, error: error.message }),
  );
});
void startBench(JSON.parse(process.argv[2] ?? "{}")).then((started) => {
  bench = started;
  process.send?.({
    ready: {
      url: bench.url,
      keys: bench.keys,
      clientId: bench.clientId,
      ...(bench.second ? { second: { id: bench.second.id, apiKey: bench.second.apiKey } } : {}),
    },
  });
});
