// The noisy tenant: `lanes` loops of cold scans (force_refresh), each lane its own scope so they are
// distinct scans, in a process of their own (their result parsing is not charged to the server).
// Runs until SIGTERM, then prints one JSON line: scans finished, errors, and queued answers seen.
import { connect } from "./mcp-client";

interface Job {
  url: string;
  key: string;
  lanes: number;
  scopes: string[][];
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
let stopping = false;
let scans = 0;
let errors = 0;
const accounts = new Set<string>();
const lanes = Array.from({ length: job.lanes }, async (_, lane) => {
  const scope = job.scopes[lane % job.scopes.length]!;
  while (!stopping) {
    // A fresh session per scan: the same forced call repeated in one session is (rightly) a loop.
    const client = await connect(job.url, job.key, "bench-noisy");
    const result = await client.callTool({
      name: "check_tag_compliance",
      arguments: { resource_types: scope, force_refresh: true },
    });
    if (result.isError) errors += 1;
    else scans += 1;
    for (const account of (result.structuredContent as { accounts?: string[] } | undefined)?.accounts ?? [])
      accounts.add(account);
    await client.close();
  }
});
process.on("SIGTERM", () => {
  stopping = true;
  void Promise.all(lanes).then(() => {
    console.log(JSON.stringify({ scans, errors, accounts: [...accounts] }));
    process.exit(0);
  });
});
console.log(JSON.stringify({ started: job.lanes }));
