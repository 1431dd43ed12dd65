// Benchmark (a script, not a test: it prints figures and never fails on time).
// 50,000 synthetic resources over 17 regions and 8 types, one month of Cost Explorer data with
// ~5,000 Name groups; times cost spreading, the attribution gap and the compliance evaluation.
// Run: pnpm --filter @tagc/core bench
import { evaluateCompliance } from "../src/compliance/score";
import { attributionGap } from "../src/cost/gap";
import type { GapGroupBy } from "../src/cost/gap-types";
import { spreadCosts } from "../src/cost/spread";
import type { CostData } from "../src/cost/types";
import type { Resource } from "../src/model";
import { DEFAULT_POLICY } from "../src/policy/default";

const RESOURCES = 50_000;
const RUNS = 7;
const REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "sa-east-1",
  "me-south-1",
];
const TYPES = [
  "ec2:instance",
  "ec2:volume",
  "s3:bucket",
  "lambda:function",
  "rds:db",
  "dynamodb:table",
  "ecs:service",
  "elasticloadbalancing:loadbalancer",
];
const ACCOUNTS = ["111111111111", "222222222222", "333333333333"];
const ENVIRONMENTS = ["production", "staging", "development", "test", "prod"]; // "prod" is invalid

// Deterministic PRNG (mulberry32) so every run measures the same data.
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function buildResources(): Resource[] {
  return Array.from({ length: RESOURCES }, (_, index) => {
    const type = TYPES[index % TYPES.length]!;
    const region = type === "s3:bucket" ? "global" : pick(REGIONS);
    const account = pick(ACCOUNTS);
    const tags: Record<string, string> = {};
    if (random() < 0.4) tags.Name = `app-${index % 5000}`;
    if (random() < 0.7) tags.Owner = "team@example.com";
    if (random() < 0.75) tags.Environment = pick(ENVIRONMENTS);
    if (random() < 0.6) tags.Application = `svc-${index % 300}`;
    const [service, kind] = type.split(":");
    return {
      arn: `arn:aws:${service}:${region === "global" ? "" : region}:${account}:${kind}/r-${index}`,
      id: `r-${index}`,
      type,
      region,
      account_id: account,
      tags,
      state: type === "ec2:instance" ? (random() < 0.2 ? "stopped" : "running") : null,
    };
  });
}

function buildCostData(): CostData {
  const ec2 = "Amazon Elastic Compute Cloud - Compute";
  const names: Record<string, number> = {};
  for (let index = 0; index < 5000; index++) names[`app-${index}`] = Math.round(random() * 5000) / 100;
  return {
    period: { start: "2026-01-01", end: "2026-02-01" },
    by_service: {
      [ec2]: 420_000,
      "Amazon Simple Storage Service": 65_000,
      "AWS Lambda": 12_000,
      "Amazon Relational Database Service": 150_000,
      "Amazon DynamoDB": 30_000,
      "Amazon Elastic Container Service": 45_000,
      "Elastic Load Balancing": 18_000,
      "Amazon CloudWatch": 9_000,
      Tax: 40_000,
      "AWS Support (Business)": 25_000,
    },
    by_service_name_tag: { [ec2]: names },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown): number {
  run(); // warm-up: JIT and caches, not measured
  const samples: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const resources = buildResources();
const costData = buildCostData();
const costs = spreadCosts({ resources, costData });
const evaluation = evaluateCompliance({ policy: DEFAULT_POLICY, resources, resourceTypes: ["all"], costs });
const violating = new Set(evaluation.violations.map((violation) => violation.resource_arn));
const compliantArns = resources
  .filter((resource) => !violating.has(resource.arn))
  .map((resource) => resource.arn);

const rows: Array<[string, number]> = [["spreadCosts", time(() => spreadCosts({ resources, costData }))]];
for (const groupBy of ["resource_type", "region", "account", "service"] as GapGroupBy[]) {
  const run = () => attributionGap({ resources, compliantArns, costData, resourceTypes: "all", groupBy });
  rows.push([`attributionGap (${groupBy}, incl. spread)`, time(run)]);
}
rows.push([
  "evaluateCompliance (default policy, with costs)",
  time(() => evaluateCompliance({ policy: DEFAULT_POLICY, resources, resourceTypes: ["all"], costs })),
]);

const baseline = rows[0]![1];
console.log(
  `${RESOURCES} resources, ${REGIONS.length} regions, ${TYPES.length} types; median of ${RUNS} runs`,
);
console.log(`score ${evaluation.compliance_score}, ${evaluation.violations.length} violations\n`);
console.log(
  `${"operation".padEnd(50)}${"ms".padStart(10)}${"resources/s".padStart(14)}${"× spread".padStart(10)}`,
);
for (const [label, ms] of rows) {
  const perSecond = Math.round(RESOURCES / (ms / 1000)).toLocaleString("en-US");
  console.log(
    `${label.padEnd(50)}${ms.toFixed(1).padStart(10)}${perSecond.padStart(14)}${(ms / baseline).toFixed(2).padStart(10)}`,
  );
}
