#!/usr/bin/env node
// aws-sandbox: a local AWS-compatible endpoint for tests, the demo and benchmarks.
import { parseArgs } from "node:util";
import { generateAccount } from "./generate";
import { loadSeedFile } from "./seed/load";
import type { Seed } from "./seed/schema";
import { startSandbox } from "./server";

const USAGE = `Usage: aws-sandbox [options]

  --seed <file>              seed JSON (see README "Seed format"); default seeds/demo.json
  --port <n>                 port on 127.0.0.1 (default 4566; 0 picks a free one)
  --latency-ms <n>           fixed latency added to every call
  --jitter-ms <n>            random extra latency, 0..n ms
  --throttle-rate <0..1>     share of calls answered with the service's throttling error
  --failing-region <r>       every call to region r answers 503 (repeatable)
  --failing-operation <op>   operation (e.g. tag:GetResources) answers 500 (repeatable)
  --generate <n>             add a synthetic account of n resources (account 555555555555)
  --generate-regions <n>     regions for --generate (default 17)
  --help                     this text

Admin API (unsigned, loopback only): GET /_sandbox/counters, DELETE /_sandbox/counters,
GET|PUT /_sandbox/faults, PUT|GET /_sandbox/accounts/{id}, PUT|DELETE /_sandbox/accounts/{id}/roles/{name}`;

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      port: { type: "string", default: "4566" },
      "latency-ms": { type: "string", default: "0" },
      "jitter-ms": { type: "string", default: "0" },
      "throttle-rate": { type: "string", default: "0" },
      "failing-region": { type: "string", multiple: true, default: [] },
      "failing-operation": { type: "string", multiple: true, default: [] },
      generate: { type: "string" },
      "generate-regions": { type: "string", default: "17" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
    return n;
  };
  const seed: Seed = await loadSeedFile(
    values.seed ?? new URL("../seeds/demo.json", import.meta.url).pathname,
  );
  if (values.generate) {
    seed.accounts.push(
      generateAccount({
        accountId: "555555555555",
        resources: number("generate", values.generate),
        regions: number("generate-regions", values["generate-regions"]),
      }) as Seed["accounts"][number],
    );
  }
  const sandbox = await startSandbox({
    seed,
    port: number("port", values.port),
    faults: {
      latency_ms: number("latency-ms", values["latency-ms"]),
      jitter_ms: number("jitter-ms", values["jitter-ms"]),
      throttle: { rate: number("throttle-rate", values["throttle-rate"]) },
      failing_regions: values["failing-region"],
      failing_operations: values["failing-operation"],
    },
  });
  const accounts = [...sandbox.world.accounts.values()].map(
    (a) => `${a.id} (${a.resources.length} resources)`,
  );
  console.log(`aws-sandbox listening on ${sandbox.url}\n  accounts: ${accounts.join(", ") || "none"}`);
  const stop = async () => {
    await sandbox.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`aws-sandbox: ${error.message}`);
  process.exit(1);
});
