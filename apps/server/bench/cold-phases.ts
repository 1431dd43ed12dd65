// Diagnostic (`pnpm --filter @tagc/server exec tsx bench/cold-phases.ts`): where a cold check_tag_compliance("all")
// spends its time, phase by phase, with the benchmark's setup.
import { discoverResources, fetchCostAndUsage, listEnabledRegions } from "@tagc/aws";
import {
  attributionGap,
  COST_GENERATING_TYPES,
  costDataFromCostExplorer,
  evaluateCompliance,
  spreadCosts,
} from "@tagc/core";
import {
  checkResourceQuota,
  currentPolicy,
  loadClient,
  primaryConnection,
  recordScanUsage,
} from "@tagc/services";
import { startBench } from "./setup";

const bench = await startBench({ resources: 10_000, regions: 6, latencyMs: 50, keys: 1 });
const client = await loadClient(bench.services.db, bench.clientId);
const connection = await primaryConnection(bench.services.db, client.id);
const target = {
  clientId: client.id,
  accountId: "222222222222",
  roleArn: connection.roleArn!,
  externalId: connection.externalId,
};
const phase = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await fn();
  console.log(label.padEnd(34), (performance.now() - t).toFixed(0).padStart(6), "ms");
  return out;
};
const credentials = bench.services.broker.providerFor(target);
await phase("AssumeRole", () => bench.services.broker.getCredentials(target));
const regions = await phase("DescribeRegions", () =>
  listEnabledRegions({ config: bench.services.aws, credentials }),
);
const scan = await phase("discoverResources", () =>
  discoverResources({
    config: bench.services.aws,
    credentials,
    accountId: "222222222222",
    resourceTypes: [...COST_GENERATING_TYPES],
    regions,
  }),
);
console.log(
  `  (${scan.resources.length} resources, ${scan.stats.api_calls} calls, pages per region ${JSON.stringify(Object.values(scan.stats.per_region).map((r) => r.pages))})`,
);
const arns = scan.resources.map((r) => r.arn);
await phase("checkResourceQuota", () =>
  checkResourceQuota({ db: bench.services.db, client, now: new Date(), arns }),
);
await phase("recordScanUsage (10k ARNs)", () =>
  recordScanUsage({
    db: bench.services.db,
    clientId: client.id,
    now: new Date(),
    requestId: "r1",
    tool: "t",
    accountId: "222222222222",
    regions,
    arns,
  }),
);
const { policy } = await currentPolicy(bench.services.db, client.id);
const end = new Date();
const timePeriod = {
  Start: new Date(end.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
  End: end.toISOString().slice(0, 10),
};
const costData = await phase("Cost Explorer", async () =>
  costDataFromCostExplorer(await fetchCostAndUsage({ config: bench.services.aws, credentials, timePeriod })),
);
const costs = await phase("spreadCosts", () => spreadCosts({ resources: scan.resources, costData }));
const ev = await phase("evaluateCompliance", () =>
  evaluateCompliance({ policy, resources: scan.resources, resourceTypes: [...COST_GENERATING_TYPES], costs }),
);
await phase("attributionGap", () =>
  attributionGap({
    resources: scan.resources,
    compliantArns: arns,
    costData,
    resourceTypes: "all",
    groupBy: "resource_type",
  }),
);
await phase("JSON round trip of the scan (cache)", () => JSON.parse(JSON.stringify(scan)));
console.log(`  ${ev.violations.length} violations`);
await bench.close();
process.exit(0);
