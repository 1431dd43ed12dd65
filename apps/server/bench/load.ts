// The benchmark's load: MCP clients in a process of their own, so their CPU (response parsing,
// output-schema validation) is not charged to the server. Reads its job from argv, prints one JSON line.
// With `untilStopped` the clients keep calling until SIGTERM (the cross-tenant figure stops them when
// the other tenant's cold scan ends); otherwise they make `calls` calls between them.
import { connect, SESSION_CALLS, warmArgs } from "./mcp-client";

interface Job {
  url: string;
  keys: string[];
  calls: number;
  scopes: string[][];
  untilStopped?: boolean;
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});
const clients = await Promise.all(job.keys.map((key) => connect(job.url, key, "bench-load")));
const latencies: number[] = [];
let errors = 0;
/** The first few distinct error texts, so a run with errors says what they were. */
const errorSamples = new Set<string>();
/** Every account any answer covered: a tenant's answers must only ever name its own. */
const accounts = new Set<string>();
console.log(JSON.stringify({ started: clients.length }));
const started = performance.now();
const cpu = process.cpuUsage();
await Promise.all(
  clients.map(async (first, c) => {
    let client = first;
    let made = 0;
    // Each client takes a contiguous run of call numbers, so the calls of one session never repeat
    // (the loop detector, rightly, refuses a fourth identical call in a session); over all clients the
    // mix of scopes, severities and pages is the same as with interleaved numbers.
    const span = job.untilStopped ? 300 : Math.ceil(job.calls / clients.length);
    const end = job.untilStopped ? Number.POSITIVE_INFINITY : Math.min(job.calls, (c + 1) * span);
    for (let i = c * span; job.untilStopped ? !stopping : i < end; i++) {
      if (++made % SESSION_CALLS === 0) {
        await client.close();
        client = await connect(job.url, job.keys[c]!, "bench-load");
        clients[c] = client;
      }
      const t = performance.now();
      const result = await client.callTool({
        name: "check_tag_compliance",
        arguments: warmArgs(i, job.scopes),
      });
      latencies.push(performance.now() - t);
      if (result.isError) {
        errors += 1;
        const text = (result.content as { text?: string }[])[0]?.text ?? "";
        if (errorSamples.size < 3) errorSamples.add(text.slice(0, 200));
      }
      for (const account of (result.structuredContent as { accounts?: string[] } | undefined)?.accounts ?? [])
        accounts.add(account);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
await Promise.all(clients.map((c) => c.close()));
const line = JSON.stringify({
  seconds,
  cpuMs,
  errors,
  errorSamples: [...errorSamples],
  latencies,
  accounts: [...accounts],
});
// Exit once the line is written: an idle machine makes a long run's line (latencies) hundreds of KB,
// more than the pipe holds, and exiting straight after the write would cut it.
process.stdout.write(`${line}\n`, () => process.exit(0));
