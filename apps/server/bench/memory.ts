// Where the server's memory goes: one fresh bench server, its process.memoryUsage() breakdown after
// start-up and after one cold check_tag_compliance(["all"]), and optionally heap snapshots of both.
// Usage: tsx bench/memory.ts [resources=1000] [snapshot directory]
import { join } from "node:path";
import { coldScan } from "./cold";
import { connect } from "./mcp-client";
import { SCAN_DEADLINE_MS } from "./scaling";
import { type ServerMemory, spawnServer } from "./server-child";

const mib = (n: number) => (n / (1024 * 1024)).toFixed(0);
function report(label: string, m: ServerMemory) {
  const spaces = Object.entries(m.spaces)
    .filter(([, [, committed]]) => committed > 512 * 1024)
    .map(([name, [used, committed]]) => `${name.replace(/_space$/, "")} ${mib(used)}/${mib(committed)}`)
    .join(", ");
  console.log(
    `${label}: RSS ${mib(m.rss)} MiB (peak ${mib(m.maxRss)}); V8 heap used ${mib(m.heapUsed)} of ${mib(m.heapTotal)} committed` +
      ` [${spaces}]; external ${mib(m.external)} (array buffers ${mib(m.arrayBuffers)}); V8 malloced ${mib(m.heap.malloced_memory)} (peak ${mib(m.heap.peak_malloced_memory)})`,
  );
  const mappings = Object.entries(m.mappings).map(
    ([name, kb]) => `${name.split("/").pop()} ${(kb / 1024).toFixed(0)}`,
  );
  console.log(`  resident MiB by mapping: ${mappings.join(", ")}`);
}

const resources = Number(process.argv[2] ?? 1000);
const snapshots = process.argv[3];
const server = await spawnServer({
  resources,
  regions: 6,
  latencyMs: 0,
  keys: 1,
  deadlineMs: SCAN_DEADLINE_MS,
});
try {
  report("start-up", await server.memory());
  if (snapshots) await server.snapshot(join(snapshots, "start.heapsnapshot"));
  const client = await connect(server.url, server.keys[0]!);
  const before = await server.stats();
  const { wallMs } = await coldScan(client);
  const cpuMs = ((await server.settle()).cpuUs - before.cpuUs) / 1000;
  const took = `${(wallMs / 1000).toFixed(1)} s, server CPU ${(cpuMs / 1000).toFixed(1)} s`;
  report(`after a cold scan of ${resources} resources (${took})`, await server.memory());
  if (snapshots) await server.snapshot(join(snapshots, "scanned.heapsnapshot"));
  await client.close();
} finally {
  await server.close();
}
