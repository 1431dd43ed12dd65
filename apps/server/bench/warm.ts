// Warm calls (all served from the cached scan): the server CPU of one call at a time, and the
// throughput of many concurrent clients in a separate load process.

import { connect, SESSION_CALLS, warmArgs } from "./mcp-client";
import { ascending, pct } from "./percentile";
import { runLoad } from "./run-load";
import type { BenchServer } from "./server-child";

/** The scopes warm calls rotate through; the first ("all") is the cold scan's, the rest are warmed first. */
export const WARM_SCOPES = [
  ["all"],
  ["ec2:instance"],
  ["ec2:volume", "ec2:snapshot"],
  ["lambda:function"],
  ["rds:db", "dynamodb:table"],
];

/**
 * One call at a time, each bracketed by two CPU reads of the server process: the per-call CPU,
 * not blurred by concurrency. Work a call leaves queued after answering is not in it (the
 * concurrent figure's total/calls is). `overheadMs` is what two back-to-back reads cost by themselves.
 */
export async function sequentialCpu(server: BenchServer, key: string, calls: number, scopes: string[][]) {
  let client = await connect(server.url, key);
  const cpu: number[] = [];
  const wall: number[] = [];
  const overhead: number[] = [];
  for (let i = 0; i < calls; i++) {
    if (i > 0 && i % SESSION_CALLS === 0) {
      await client.close();
      client = await connect(server.url, key);
    }
    const idle = await server.cpuUs();
    const before = await server.cpuUs();
    const started = performance.now();
    await client.callTool({ name: "check_tag_compliance", arguments: warmArgs(i, scopes) });
    wall.push(performance.now() - started);
    const after = await server.cpuUs();
    overhead.push((before - idle) / 1000);
    cpu.push((after - before) / 1000);
  }
  await client.close();
  const sorted = ascending(cpu);
  return {
    cpuMedianMs: pct(sorted, 50),
    cpuP90Ms: pct(sorted, 90),
    wallMedianMs: pct(ascending(wall), 50),
    overheadMs: pct(ascending(overhead), 50),
  };
}

/** `calls` calls from every key's client at once; the server CPU over the run, queued rows included. */
export async function concurrentLoad(server: BenchServer, keys: string[], calls: number, scopes: string[][]) {
  const since = new Date();
  const before = await server.cpuUs();
  const load = await runLoad({ url: server.url, keys, calls, scopes });
  const after = await server.settle();
  const toolMs = ascending(await server.auditMs(server.clientId, since));
  const latencies = ascending(load.latencies);
  const cpuMs = (after.cpuUs - before) / 1000;
  return {
    seconds: load.seconds,
    loadCpuMs: load.cpuMs,
    errors: load.errors,
    errorSamples: load.errorSamples,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    toolP50: pct(toolMs, 50),
    toolP99: pct(toolMs, 99),
    cpuMs,
    cpuPerCallMs: cpuMs / calls,
  };
}
