// Diagnostic for deterministic counts on a loaded machine: sends one kind of call (ecs, ddb, tag, ec2)
// `n` times after `warm` calls, 8 in flight, against a sandbox already listening at URL (e.g.
// `tsx bench/sandbox-process.ts 10000 6 0 all`). Bundle it with esbuild as the server's build does
// (one ES module, the SDK's ES builds), then `valgrind --tool=callgrind node bundle.mjs URL ecs 200 300`:
// instructions per call = the difference between two runs with different `n`, divided by the difference.
// Counts move by ±5% of a call between identical runs (8 calls in flight over real sockets, V8's
// background compiler and GC threads): repeat a run before trusting a difference of that size, or
// count the middleware chain alone with bench/middleware-cpu.ts's clients (no sockets) under
// `node --single-threaded` (no background threads), whose differences repeat.
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { DescribeVolumesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient, ListClustersCommand, ListServicesCommand } from "@aws-sdk/client-ecs";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { ScanClients } from "../src/discovery/clients";
import { acmeScope } from "./acme-scope";

const [url = "", kind = "ecs", warmArg = "200", nArg = "0"] = process.argv.slice(2);
const { config, credentials, broker } = await acmeScope(url);
const signal = new AbortController().signal;
const clients = new ScanClients(config, credentials, signal);
const region = "us-east-1";
let send: () => Promise<unknown>;
if (kind === "ecs") {
  const ecs = clients.get(ECSClient, region);
  const cluster = (await ecs.send(new ListClustersCommand({}), { abortSignal: signal })).clusterArns?.[0];
  send = () => ecs.send(new ListServicesCommand({ cluster, maxResults: 100 }), { abortSignal: signal });
} else if (kind === "ddb") {
  const ddb = clients.get(DynamoDBClient, region);
  const table = (await ddb.send(new ListTablesCommand({}), { abortSignal: signal })).TableNames?.[0];
  send = () => ddb.send(new DescribeTableCommand({ TableName: table }), { abortSignal: signal });
} else if (kind === "tag") {
  const tagging = clients.get(ResourceGroupsTaggingAPIClient, region);
  send = () => tagging.send(new GetResourcesCommand({ ResourcesPerPage: 100 }), { abortSignal: signal });
} else {
  const ec2 = clients.get(EC2Client, region);
  send = () => ec2.send(new DescribeVolumesCommand({ MaxResults: 100 }), { abortSignal: signal });
}
async function run(calls: number) {
  let left = calls;
  const worker = async () => {
    while (left-- > 0) await send();
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
await run(Number(warmArg));
const cpu = process.cpuUsage();
await run(Number(nArg));
const used = process.cpuUsage(cpu);
console.log(
  `${kind} ${nArg} calls: ${((used.user + used.system) / 1000 / Math.max(1, Number(nArg))).toFixed(3)} ms per call`,
);
broker.destroy();
