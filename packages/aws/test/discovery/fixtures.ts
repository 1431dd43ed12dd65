// A hand-written two-tenant world for the discovery tests. acme has one resource of each lister
// type in two regions (tagged, untagged, stopped, terminated, shutting-down), two global buckets,
// ECS services with their cluster, and Tagging-only types; globex has a few of its own. acme's
// account also holds narrowed roles: without Lambda, without the Tagging API, and with nothing
// but what verify probes.
import type { AccountSeedInput, ResourceSeedInput, Sandbox, SeedInput } from "@tagc/aws-sandbox";
import { startSandbox } from "@tagc/aws-sandbox";
import type { Resource } from "@tagc/core";
import { type AwsConfig, CredentialBroker, type DiscoverResourcesInput, discoverResources } from "../../src";
import { ACME, CONTROL_PLANE, configFor, GLOBEX, roleArn, scannerRole, targetFor } from "../fixtures";

export { ACME, GLOBEX };

export const FULL_READ = [
  "tag:Get*",
  "ec2:Describe*",
  "s3:ListAllMyBuckets",
  "s3:GetBucket*",
  "rds:Describe*",
  "lambda:List*",
  "ecs:List*",
  "ecs:Describe*",
  "dynamodb:List*",
  "dynamodb:DescribeTable",
  "elasticloadbalancing:Describe*",
  "elasticache:Describe*",
  "elasticache:ListTagsForResource",
  "kinesis:ListStreams",
  "kinesis:ListTagsForStream",
  "ce:GetCostAndUsage",
  "ce:ListCostAllocationTags",
  "organizations:ListPolicies",
  "organizations:DescribePolicy",
];
export const ROLES = {
  full: "TagComplianceReadOnly",
  noLambda: "TagComplianceNoLambda",
  noTagging: "TagComplianceNoTagging",
  probesOnly: "TagComplianceProbesOnly",
} as const;
export type RoleKey = keyof typeof ROLES;

/**
 * The roles a batch of listers is tested with: `read` in full, the same without the Tagging API (so
 * the listers read tags themselves), and, when `withoutBatch` is given, the role the shared fixtures
 * call "noLambda" with the batch's own reads taken out (`withoutBatch` maps `read` to what is left).
 */
export const batchRoles =
  (read: readonly string[], withoutBatch?: (read: readonly string[]) => string[]) => (externalId: string) => [
    scannerRole(externalId, ROLES.full, [...read]),
    scannerRole(
      externalId,
      ROLES.noTagging,
      read.filter((a) => !a.startsWith("tag:")),
    ),
    ...(withoutBatch ? [scannerRole(externalId, ROLES.noLambda, withoutBatch(read))] : []),
  ];

function roles(externalId: string) {
  return [
    scannerRole(externalId, ROLES.full, FULL_READ),
    scannerRole(
      externalId,
      ROLES.noLambda,
      FULL_READ.filter((a) => !a.startsWith("lambda:")),
    ),
    scannerRole(
      externalId,
      ROLES.noTagging,
      FULL_READ.filter((a) => !a.startsWith("tag:")),
    ),
    scannerRole(externalId, ROLES.probesOnly, ["tag:GetResources"]),
  ];
}

export const CREATED = "2026-01-05T10:00:00.000Z";
const east = "us-east-1";
const west = "eu-west-1";
const r = (
  type: string,
  region: string,
  id: string,
  tags: Record<string, string>,
  extra: Partial<ResourceSeedInput> = {},
): ResourceSeedInput => ({ type, region, id, tags, created_at: CREATED, ...extra });

/** Twelve tags: more than one page of DynamoDB's ListTagsOfResource (ten per page in the sandbox). */
export const MANY_TAGS = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Key${i}`, `value-${i}`]));

export const ACME_RESOURCES: ResourceSeedInput[] = [
  r("ec2:instance", east, "i-0a00000000000001", { Name: "web-1", Owner: "a@acme.io" }, { state: "running" }),
  r("ec2:instance", east, "i-0a00000000000002", {}, { state: "stopped" }),
  r("ec2:instance", east, "i-0a00000000000003", { Owner: "gone@acme.io" }, { state: "terminated" }),
  r("ec2:instance", west, "i-0a00000000000004", {}, { state: "shutting-down" }),
  // Attached to i-0a…4 and snapshotted: discovery records each one's parent (suggest_tags inherits).
  r(
    "ec2:volume",
    west,
    "vol-0a00000000000001",
    { Owner: "a@acme.io" },
    { attributes: { InstanceId: "i-0a00000000000004" } },
  ),
  r("ec2:snapshot", east, "snap-0a00000000000001", {}, { attributes: { VolumeId: "vol-0a00000000000001" } }),
  r("ec2:elastic-ip", east, "eipalloc-0a0000000000001", { Name: "edge" }),
  r("ec2:natgateway", west, "nat-0a00000000000001", {}),
  r("s3:bucket", east, "acme-logs", { Owner: "a@acme.io" }),
  r("s3:bucket", west, "acme-untagged", {}),
  r("rds:db", east, "acme-db", { Environment: "production" }),
  r("rds:cluster", west, "acme-aurora", {}),
  r("lambda:function", east, "acme-fn-tagged", { Owner: "a@acme.io", Application: "billing" }),
  r("lambda:function", west, "acme-fn-untagged", {}),
  r("ecs:cluster", east, "acme-cluster", { Owner: "a@acme.io" }),
  r("ecs:service", east, "acme-api", { Application: "api" }, { attributes: { cluster: "acme-cluster" } }),
  r("ecs:service", east, "acme-worker", {}, { attributes: { cluster: "acme-cluster" } }),
  r("dynamodb:table", west, "acme-orders", MANY_TAGS),
  r("dynamodb:table", east, "acme-sessions", {}),
  r("kinesis:stream", east, "acme-stream", { Owner: "a@acme.io" }),
  r("kinesis:stream", west, "acme-stream-untagged", {}),
  r("elasticache:cluster", west, "acme-cache", { Owner: "a@acme.io" }),
  // A free type: never requested, never reported.
  r("sqs:queue", east, "acme-queue", { Owner: "a@acme.io" }),
];

export const GLOBEX_RESOURCES: ResourceSeedInput[] = [
  r("ec2:instance", east, "i-0b00000000000001", { Owner: "g@globex.io" }, { state: "running" }),
  r("ec2:instance", east, "i-0b00000000000002", {}, { state: "running" }),
  r("s3:bucket", east, "globex-data", { Owner: "g@globex.io" }),
  r("lambda:function", east, "globex-fn", {}),
  r("kinesis:stream", east, "globex-stream", { Owner: "g@globex.io" }),
];

/** Every type the acme and globex seeds use (sqs:queue aside). */
export const SEEDED_TYPES = [
  "ec2:instance",
  "ec2:volume",
  "ec2:snapshot",
  "ec2:elastic-ip",
  "ec2:natgateway",
  "s3:bucket",
  "rds:db",
  "rds:cluster",
  "lambda:function",
  "ecs:cluster",
  "ecs:service",
  "dynamodb:table",
  "kinesis:stream",
  "elasticache:cluster",
];

export function acmeAccount(extra: Partial<AccountSeedInput> = {}): AccountSeedInput {
  return {
    account_id: ACME.accountId,
    name: "acme",
    regions: [east, west],
    roles: roles(ACME.externalId),
    resources: ACME_RESOURCES,
    ...extra,
  };
}

export function globexAccount(extra: Partial<AccountSeedInput> = {}): AccountSeedInput {
  return {
    account_id: GLOBEX.accountId,
    name: "globex",
    regions: [east],
    roles: roles(GLOBEX.externalId),
    resources: GLOBEX_RESOURCES,
    ...extra,
  };
}

export function seed(accounts: AccountSeedInput[] = [acmeAccount(), globexAccount()]): SeedInput {
  return { control_plane: CONTROL_PLANE, accounts };
}

export interface World {
  sandbox: Sandbox;
  broker: CredentialBroker;
  config: AwsConfig;
  stop(): Promise<void>;
}

export async function startWorld(accounts?: AccountSeedInput[]): Promise<World> {
  const sandbox = await startSandbox({ seed: seed(accounts) });
  const config = configFor(sandbox);
  const broker = new CredentialBroker({ config });
  return {
    sandbox,
    broker,
    config,
    stop: async () => {
      broker.destroy();
      await sandbox.stop();
    },
  };
}

/** The provider a scan of `tenant` through `role` gets, as the services layer builds it. */
export const credentialsOf = (world: World, tenant: typeof ACME, role: RoleKey = "full") =>
  world.broker.providerFor(
    targetFor(tenant, {
      clientId: `${tenant.clientId}-${role}`,
      roleArn: roleArn(tenant.accountId, ROLES[role]),
    }),
  );

export function discover(
  world: World,
  tenant: typeof ACME,
  overrides: Partial<DiscoverResourcesInput> & { role?: RoleKey } = {},
) {
  const { role, ...rest } = overrides;
  return discoverResources({
    config: world.config,
    credentials: credentialsOf(world, tenant, role),
    accountId: tenant.accountId,
    resourceTypes: SEEDED_TYPES,
    regions: tenant === ACME ? [east, west] : [east],
    ...rest,
  });
}

/** Calls per operation in one account and region, from the sandbox's counters. */
export const callsIn = (sandbox: Sandbox, accountId: string, region: string, operation: string) =>
  sandbox.counters().by_account_region[`${accountId}/${region}`]?.[operation] ?? 0;

export const arnsOf = (resources: readonly Resource[]) => resources.map((res) => res.arn);
export const byArn = (resources: readonly Resource[], arn: string) =>
  resources.find((res) => res.arn === arn);
