// Diagnostic: warm tool calls handed to the app in this process (app.fetch, no socket), so a CPU
// profile of them (node --cpu-prof) shows the server's own work without the kernel, the scheduler or
// another process in it: on a loaded machine the server process's profile charges to a socket write
// the time the process waited, descheduled, after waking its client. The figure printed is the CPU
// per call of the whole loop, so it also holds building each Request and reading its answer (undici)
// and the client-address lookup's throw for a request without a socket: use it to compare two
// builds back to back, not as the server's figure (bench:warm's is). Sessions rotate every
// SESSION_CALLS calls, as the load generator's clients do.
// Usage: tsx bench/warm-inproc.ts [calls]; for a profile of the production bundle, build it with
// scripts/build.ts (buildServer("bench/warm-inproc.ts", "dist/warm-inproc.mjs")) and run that with
// node --cpu-prof.
import { coldScan } from "./cold";
import { connect, SESSION_CALLS, warmArgs } from "./mcp-client";
import { startBench } from "./setup";
import { WARM_SCOPES } from "./warm";

const CALLS = Number(process.argv[2] ?? 5_000);
const bench = await startBench({ resources: 2_000, regions: 6, latencyMs: 5, keys: 1 });
const first = await connect(bench.url, bench.keys[0]!);
await coldScan(first);
for (const scope of WARM_SCOPES.slice(1))
  await first.callTool({ name: "check_tag_compliance", arguments: { resource_types: scope } });
await first.close();
const headers = {
  authorization: `Bearer ${bench.keys[0]}`,
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
};
const post = (body: unknown, session?: string) =>
  bench.app.fetch(
    new Request(bench.url, {
      method: "POST",
      headers: session ? { ...headers, "mcp-session-id": session } : headers,
      body: JSON.stringify(body),
    }),
  );
// A session per SESSION_CALLS calls, as the load generator's clients do (the budget is per session).
let session = "";
const open = async () => {
  const init = await post({
    jsonrpc: "2.0",
    id: 0,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "inproc", version: "1" } },
  });
  session = init.headers.get("mcp-session-id") ?? "";
  await init.text();
};
const call = async (i: number) => {
  if (i % SESSION_CALLS === 0) await open();
  const response = await post(
    {
      jsonrpc: "2.0",
      id: i,
      method: "tools/call",
      params: { name: "check_tag_compliance", arguments: warmArgs(i, WARM_SCOPES) },
    },
    session,
  );
  const text = await response.text();
  if (!text.includes('"structuredContent"')) throw new Error(text.slice(0, 300));
};
for (let i = 0; i < 900; i++) await call(i);
const before = process.cpuUsage();
for (let i = 0; i < CALLS; i++) await call(i);
const used = process.cpuUsage(before);
console.log(
  `in-process warm call: ${((used.user + used.system) / CALLS / 1000).toFixed(3)} ms CPU per call (${CALLS} calls)`,
);
await bench.close();
process.exit(0);
