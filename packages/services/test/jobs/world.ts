// The AWS world of the job suites: the control plane and two customer accounts. Acme spans two regions
// and belongs to an organization with one tag policy; Globex has one region and no organization. The
// customer roles appear at onboarding, rendered from the real CloudFormation template.
import type { AccountSeedInput, ResourceSeedInput, Sandbox, SeedInput } from "@tagc/aws-sandbox";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, sandboxSeed } from "@tagc/testkit";

export { ACME_ACCOUNT, CONTROL_PLANE, GLOBEX_ACCOUNT } from "@tagc/testkit";
export const ACME_TAG_POLICY_ID = "p-acme0001";

const full = (owner: string, environment: string, application: string) => ({
  Owner: owner,
  Environment: environment,
  Application: application,
});

/** Acme's resources: two compliant, two not, in two regions; plus a bucket (global). */
export const ACME_RESOURCES: ResourceSeedInput[] = [
  {
    type: "ec2:instance",
    region: "us-east-1",
    id: "i-0acme000000000001",
    state: "running",
    tags: full("web@acme.example", "production", "shop"),
  },
  {
    type: "ec2:instance",
    region: "us-east-1",
    id: "i-0acme000000000002",
    state: "running",
    tags: { Owner: "batch@acme.example", Environment: "staging" },
  },
  { type: "ec2:instance", region: "eu-west-1", id: "i-0acme000000000003", state: "running", tags: {} },
  {
    type: "s3:bucket",
    region: "us-east-1",
    id: "acme-jobs-logs",
    tags: full("ops@acme.example", "production", "logs"),
  },
];

export const GLOBEX_RESOURCES: ResourceSeedInput[] = [
  {
    type: "ec2:instance",
    region: "us-east-1",
    id: "i-0globex00000000001",
    state: "running",
    tags: full("data@globex.example", "production", "orders"),
  },
  {
    type: "dynamodb:table",
    region: "us-east-1",
    id: "globex-orders",
    tags: { Owner: "data@globex.example" },
  },
];

/** An AWS Organizations tag policy document requiring CostCenter (with allowed values) on instances. */
export function tagPolicyContent(costCenters: string[]) {
  return {
    tags: {
      costcenter: {
        tag_key: { "@@assign": "CostCenter" },
        tag_value: { "@@assign": costCenters },
        enforced_for: { "@@assign": ["ec2:instance"] },
      },
      owner: { tag_key: { "@@assign": "Owner" } },
    },
  };
}

export function acmeAccount(
  resources = ACME_RESOURCES,
  costCenters = ["Engineering", "Sales"],
): AccountSeedInput {
  return {
    account_id: ACME_ACCOUNT,
    name: "acme",
    regions: ["us-east-1", "eu-west-1"],
    roles: [],
    resources,
    organization: {
      id: "o-acme000001",
      tag_policies: [
        { id: ACME_TAG_POLICY_ID, name: "acme-tagging", content: tagPolicyContent(costCenters), targets: [] },
      ],
    },
  };
}

export const seed = (): SeedInput =>
  sandboxSeed([
    acmeAccount(),
    { account_id: GLOBEX_ACCOUNT, name: "globex", regions: ["us-east-1"], resources: GLOBEX_RESOURCES },
  ]);

/**
 * Replaces an account's resources (or its organization's tag policy) the way a customer's changes
 * would appear, keeping the roles the onboarding created.
 */
export function reshapeAccount(sandbox: Sandbox, next: AccountSeedInput) {
  const current = sandbox.world.requireAccount(next.account_id);
  sandbox.world.putAccount({ ...next, roles: [...current.roles.values()] });
}
