// Synthetic accounts for benchmarks and the demo: deterministic for a given seed number, with a
// realistic mix of types, regions, tag quality (missing, invalid and untagged) and Cost Explorer spend.

import { usageTypeFor } from "./generate-usage";
import type { AccountSeedInput, CostAllocationTagSeed, ResourceSeed, RoleSeedInput } from "./seed/schema";
import { ALL_REGIONS } from "./world/regions";

export interface GenerateOptions {
  accountId: string;
  name?: string;
  resources: number;
  /** How many regions (the first N of ALL_REGIONS), 1..21. */
  regions?: number;
  /** Share of resources with no tag at all (found by the per-service listers only). */
  untaggedShare?: number;
  seed?: number;
  roles?: RoleSeedInput[];
  /** Inclusive start and exclusive end of the Cost Explorer data (default: the 3 months before `now`). */
  costMonths?: string[];
  /** What ListCostAllocationTags answers (default: the generated keys, CostCenter inactive). */
  costAllocationTags?: CostAllocationTagSeed[];
}

/** Every key the generator tags with is known to Cost Explorer; CostCenter was never activated. */
const DEFAULT_ALLOCATION_TAGS: CostAllocationTagSeed[] = [
  { key: "Application", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
  { key: "CostCenter", type: "UserDefined", status: "Inactive" },
  { key: "Environment", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
  { key: "Name", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
  { key: "Owner", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
  { key: "aws:createdBy", type: "AWSGenerated", status: "Inactive" },
];

/** mulberry32: tiny, fast and deterministic, so a seed number always yields the same account. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * [type, weight, Cost Explorer service, monthly $ per resource]. Each type is billed under the
 * service AWS uses: EBS volumes, snapshots, Elastic IPs and NAT gateways under "EC2 - Other", never
 * under the instances' "Amazon Elastic Compute Cloud - Compute"; generate-usage.ts names the usage type.
 */
const MIX: [string, number, string, number][] = [
  ["ec2:instance", 24, "Amazon Elastic Compute Cloud - Compute", 70],
  ["ec2:volume", 18, "EC2 - Other", 8],
  ["ec2:snapshot", 10, "EC2 - Other", 2],
  ["ec2:elastic-ip", 2, "EC2 - Other", 3.6],
  ["ec2:natgateway", 1, "EC2 - Other", 32],
  ["lambda:function", 15, "AWS Lambda", 1.5],
  ["rds:db", 4, "Amazon Relational Database Service", 180],
  ["rds:cluster", 1, "Amazon Relational Database Service", 300],
  ["dynamodb:table", 6, "Amazon DynamoDB", 12],
  ["ecs:cluster", 1, "Amazon Elastic Container Service", 0],
  ["ecs:service", 4, "Amazon Elastic Container Service", 25],
  ["s3:bucket", 3, "Amazon Simple Storage Service", 15],
  ["elasticache:cluster", 2, "Amazon ElastiCache", 90],
  ["kinesis:stream", 2, "Amazon Kinesis", 20],
  ["secretsmanager:secret", 4, "AWS Secrets Manager", 0.4],
  ["kms:key", 3, "AWS Key Management Service", 1],
];
const TOTAL_WEIGHT = MIX.reduce((sum, [, weight]) => sum + weight, 0);

const APPS = ["checkout", "catalog", "search", "billing", "auth", "reporting", "ingest", "mobile-api"];
const ENVS = ["production", "staging", "development", "test"];
const BAD_ENVS = ["prod", "Production", "qa"];
const STATES: Record<string, string[]> = {
  "ec2:instance": ["running", "running", "running", "running", "stopped", "terminated"],
};

function pickWeighted(roll: number): (typeof MIX)[number] {
  let remaining = roll;
  for (const entry of MIX) {
    remaining -= entry[1];
    if (remaining < 0) return entry;
  }
  return MIX[0]!;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function idFor(type: string, n: number): string {
  const hex = n.toString(16).padStart(17, "0");
  const prefixes: Record<string, string> = {
    "ec2:instance": `i-${hex}`,
    "ec2:volume": `vol-${hex}`,
    "ec2:snapshot": `snap-${hex}`,
    "ec2:elastic-ip": `eipalloc-${hex}`,
    "ec2:natgateway": `nat-${hex}`,
  };
  return prefixes[type] ?? `${type.split(":")[1]}-${n}`;
}

function tagsFor(random: () => number, app: string, env: string, name: string): Record<string, string> {
  const tags: Record<string, string> = { Name: name };
  if (random() < 0.8) tags.Owner = random() < 0.9 ? `${app}-team@example.com` : "nobody";
  if (random() < 0.75) tags.Environment = random() < 0.85 ? env : pick(random, BAD_ENVS);
  if (random() < 0.7) tags.Application = app;
  if (random() < 0.3) tags.CostCenter = pick(random, ["Engineering", "Sales", "Marketing"]);
  return tags;
}

export function generateAccount(options: GenerateOptions): AccountSeedInput {
  const random = prng(options.seed ?? 42);
  const regions = ALL_REGIONS.slice(0, Math.max(1, Math.min(options.regions ?? 4, ALL_REGIONS.length)));
  const untagged = options.untaggedShare ?? 0.1;
  const resources: ResourceSeed[] = [];
  // Keyed by service and usage type (NUL-joined), so GroupBy SERVICE and GroupBy USAGE_TYPE both hold.
  const spend = new Map<string, { total: number; named: Map<string, number> }>();

  for (let n = 0; n < options.resources; n++) {
    const entry = pickWeighted(random() * TOTAL_WEIGHT);
    const [type, , service, monthly] = entry;
    const region = pick(random, regions);
    const app = pick(random, APPS);
    const env = pick(random, ENVS);
    const id = type === "s3:bucket" ? `${options.accountId}-${app}-${env}-${n}` : idFor(type, n);
    const name = `${app}-${env}-${n}`;
    const states = STATES[type];
    const state = states ? pick(random, states) : undefined;
    const tags = random() < untagged ? {} : tagsFor(random, app, env, name);
    const attributes: Record<string, unknown> = type === "ecs:service" ? { cluster: `${app}-${env}` } : {};
    const created = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 900) * 86_400_000).toISOString();
    resources.push({ type, region, id, tags, attributes, created_at: created, ...(state ? { state } : {}) });

    const cost = state === "stopped" || state === "terminated" ? 0 : monthly * (0.5 + random());
    const line = `${service}\u0000${usageTypeFor(type, region)}`;
    const bucket = spend.get(line) ?? { total: 0, named: new Map() };
    bucket.total += cost;
    if (tags.Name && random() < 0.3) bucket.named.set(tags.Name, (bucket.named.get(tags.Name) ?? 0) + cost);
    spend.set(line, bucket);
  }

  const months = options.costMonths ?? ["2026-08", "2026-09", "2026-10"];
  const costs = months.flatMap((month) => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const start = `${month}-01`;
    const end = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const rows = [...spend].flatMap(([line, { total, named }]) => {
      const [service = "", usage_type = ""] = line.split("\u0000");
      const namedSum = [...named.values()].reduce((a, b) => a + b, 0);
      return [
        ...[...named].map(([name, amount]) => ({
          start,
          end,
          service,
          usage_type,
          amount: round(amount),
          name,
        })),
        { start, end, service, usage_type, amount: round(total - namedSum) },
      ];
    });
    // Inter-region and inter-AZ traffic: billed under EC2 - Other, carried by no resource type.
    rows.push({
      start,
      end,
      service: "EC2 - Other",
      usage_type: "DataTransfer-Regional-Bytes",
      amount: round(options.resources * 0.05),
    });
    // Spend with no taggable resource behind it, reported apart from the attribution gap.
    rows.push({ start, end, service: "Tax", usage_type: "Tax", amount: round(options.resources * 0.9) });
    rows.push({ start, end, service: "AWS Support (Business)", usage_type: "Business", amount: 100 });
    return rows;
  });

  return {
    account_id: options.accountId,
    name: options.name ?? `synthetic-${options.accountId}`,
    regions: [...regions],
    roles: options.roles ?? [],
    resources,
    costs,
    cost_allocation_tags: options.costAllocationTags ?? DEFAULT_ALLOCATION_TAGS,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
