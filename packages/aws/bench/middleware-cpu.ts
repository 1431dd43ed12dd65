// Diagnostic: the CPU of a send's middleware chain up to the network (serialize, endpoint, user agent,
// retry bookkeeping, signing), without sockets or a sandbox: the request is stopped at the deserialize
// step, where it would be handed to the HTTP handler. Compares a client as the SDK builds it, one with
// only fast properties and the observer (createSdkClient before user-agent.ts) and one as
// createSdkClient builds it, alternating rounds so the machine's load falls on all alike; prints the
// minimum µs per send of each (the least disturbed round).
// Run: cd packages/aws && npx tsx bench/middleware-cpu.ts [sends per round] [rounds] [only]
// `only` (sdk, fast or ours) sends through that client alone: bundled as micro-calls.ts says and run
// under `valgrind --tool=callgrind node --single-threaded`, two runs with different sends per round
// give instructions per send (no sockets, no background threads: two variants differ by the same count run after run, within 0.1%).
import { ECSClient, ListServicesCommand } from "@aws-sdk/client-ecs";
import { awsConfig, createSdkClient, sdkClientConfig } from "../src";
import { DISCOVERY_MAX_ATTEMPTS } from "../src/discovery/clients";
import { fastProperties } from "../src/fast-properties";
import { observeCalls } from "../src/observe";

const [sendsArg = "5000", roundsArg = "8", only] = process.argv.slice(2);
const config = awsConfig({ endpoint: "http://127.0.0.1:1" });
const credentials = async () => ({ accessKeyId: "a", secretAccessKey: "b", sessionToken: "c" });
const extra = { maxAttempts: DISCOVERY_MAX_ATTEMPTS };

class Stop extends Error {}
type Stackable = { middlewareStack: { add(mw: unknown, options: object): void } };

function stopped<C extends Stackable>(client: C): C {
  client.middlewareStack.add(
    () => () => {
      throw new Stop();
    },
    { step: "deserialize", priority: "low", name: "benchStop" },
  );
  return client;
}

const fast = new ECSClient({ ...sdkClientConfig(config, "us-east-1", credentials), ...extra });
fastProperties(fast.config);
observeCalls(fast, undefined);
const clients = {
  sdk: stopped(new ECSClient({ ...sdkClientConfig(config, "us-east-1", credentials), ...extra })),
  fast: stopped(fast),
  ours: stopped(createSdkClient(ECSClient, config, "us-east-1", credentials, extra)),
};
const signal = new AbortController().signal;

async function round(client: ECSClient, sends: number): Promise<number> {
  const cpu = process.cpuUsage();
  for (let i = 0; i < sends; i++) {
    await client
      .send(new ListServicesCommand({ cluster: "c", maxResults: 100 }), { abortSignal: signal })
      .catch((error: unknown) => {
        if (!(error instanceof Stop)) throw error;
      });
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / sends;
}

const best: Record<keyof typeof clients, number> = {
  sdk: Number.POSITIVE_INFINITY,
  fast: Number.POSITIVE_INFINITY,
  ours: Number.POSITIVE_INFINITY,
};
for (let r = 0; r < Number(roundsArg); r++) {
  for (const name of ["sdk", "fast", "ours"] as const) {
    if (only && name !== only) continue;
    const us = await round(clients[name], Number(sendsArg));
    if (r > 0) best[name] = Math.min(best[name], us);
  }
}
console.log(
  `µs per send up to the network (min of ${Number(roundsArg) - 1} rounds of ${sendsArg}): SDK ${best.sdk.toFixed(1)}, fast properties only ${best.fast.toFixed(1)}, createSdkClient ${best.ours.toFixed(1)}`,
);
