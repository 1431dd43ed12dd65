// The benchmark's load: MCP clients in a process of their own, so their CPU (response parsing,
// output-schema validation) is not charged to the server. Reads its job from argv, prints one JSON line.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

interface Job {
  url: string;
  keys: string[];
  calls: number;
  scopes: string[][];
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const severities = ["all", "errors_only", "warnings_only"];
/** Calls per MCP session, under the session budget (100): a long run moves to a new session. */
const SESSION_CALLS = 90;
const connect = async (key: string) => {
  const client = new Client({ name: "bench-load", version: "1" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(job.url), {
      requestInit: { headers: { Authorization: `Bearer ${key}` } },
    }),
  );
  return client;
};
const clients = await Promise.all(job.keys.map(connect));
const latencies: number[] = [];
let errors = 0;
/** Every account any answer covered: a tenant's answers must only ever name its own. */
const accounts = new Set<string>();
const started = performance.now();
await Promise.all(
  clients.map(async (first, c) => {
    let client = first;
    let made = 0;
    for (let i = c; i < job.calls; i += clients.length) {
      if (++made % SESSION_CALLS === 0) {
        await client.close();
        client = await connect(job.keys[c]!);
        clients[c] = client;
      }
      // Every call differs (scope × severity × page), as a model's calls do; all hit the warm cache.
      const scope = job.scopes[i % job.scopes.length]!;
      const severity = severities[Math.floor(i / job.scopes.length) % 3]!;
      // Pages cycle within the first 20, so a long run never asks past the last page.
      const page = Math.floor(i / (job.scopes.length * 3)) % 20;
      const args = {
        resource_types: scope,
        severity,
        ...(page ? { cursor: Buffer.from(`o:${page * 100}`).toString("base64url") } : {}),
      };
      const t = performance.now();
      const result = await client.callTool({ name: "check_tag_compliance", arguments: args });
      latencies.push(performance.now() - t);
      if (result.isError) errors += 1;
      for (const account of (result.structuredContent as { accounts?: string[] } | undefined)?.accounts ?? [])
        accounts.add(account);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
await Promise.all(clients.map((c) => c.close()));
console.log(JSON.stringify({ seconds, errors, latencies, accounts: [...accounts] }));
process.exit(0);
