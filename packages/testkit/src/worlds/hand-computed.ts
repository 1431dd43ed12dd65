// Two customer accounts small enough to compute every expected number by hand (see the comments):
// the world of the MCP end-to-end suites and of the services' verb-level tool suites.
import type { AccountSeedInput, SeedInput } from "@tagc/aws-sandbox";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT } from "../constants";
import { sandboxSeed } from "../world";

const ACME = ACME_ACCOUNT;
const GLOBEX = GLOBEX_ACCOUNT;

/** Wed 2026-11-10: the default 30-day cost window is 2026-10-11..2026-11-10, inside the seeded spend. */
export const HAND_COMPUTED_START = new Date("2026-11-10T12:00:00Z");

// 60 days of spend, evenly spread: the default 30-day window of the harness clock sees exactly half.
const SPAN = { start: "2026-09-15", end: "2026-11-14" };

/**
 * Acme, default policy (Owner, Environment ∈ {production, staging, development, test}, Application):
 * - i-a1 running, fully tagged (Name web-1)                        → compliant
 * - i-a2 stopped, Environment "prod", no Application (Name web-2)    → 2 violations
 * - i-a3 running, no tags (eu-west-1)                               → 3 violations
 * - i-a4 terminated                                                 → excluded
 * - bucket acme-logs fully tagged                                   → compliant
 * - lambda acme-fn (eu-west-1) Owner only                           → 2 violations
 * In scope 5, compliant 2 → score 0.4; 7 violations.
 * Spend in any 30-day window: EC2 compute 300 (100 under Name web-1), S3 50, Lambda 20, Tax 30.
 */
export function acmeAccount(overrides: Partial<AccountSeedInput> = {}): AccountSeedInput {
  return {
    account_id: ACME,
    name: "acme",
    regions: ["us-east-1", "eu-west-1"],
    resources: [
      {
        type: "ec2:instance",
        region: "us-east-1",
        id: "i-0a00000000000001",
        state: "running",
        created_at: "2026-01-01T00:00:00Z",
        tags: { Name: "web-1", Owner: "a@acme.io", Environment: "production", Application: "shop" },
      },
      {
        type: "ec2:instance",
        region: "us-east-1",
        id: "i-0a00000000000002",
        state: "stopped",
        created_at: "2026-06-01T00:00:00Z",
        tags: { Name: "web-2", Owner: "a@acme.io", Environment: "prod" },
      },
      { type: "ec2:instance", region: "eu-west-1", id: "i-0a00000000000003", state: "running", tags: {} },
      { type: "ec2:instance", region: "us-east-1", id: "i-0a00000000000004", state: "terminated", tags: {} },
      {
        type: "s3:bucket",
        region: "us-east-1",
        id: "acme-logs",
        tags: { Owner: "a@acme.io", Environment: "staging", Application: "logs" },
      },
      { type: "lambda:function", region: "eu-west-1", id: "acme-fn", tags: { Owner: "a@acme.io" } },
    ],
    costs: [
      { ...SPAN, service: "Amazon Elastic Compute Cloud - Compute", amount: 200, name: "web-1" },
      { ...SPAN, service: "Amazon Elastic Compute Cloud - Compute", amount: 400 },
      { ...SPAN, service: "Amazon Simple Storage Service", amount: 100 },
      { ...SPAN, service: "AWS Lambda", amount: 40 },
      { ...SPAN, service: "Tax", amount: 60 },
    ],
    organization: {
      id: "o-acme000001",
      tag_policies: [
        {
          id: "p-acme0001",
          name: "acme-tags",
          description: "",
          content: {
            tags: {
              costcenter: {
                tag_key: { "@@assign": "CostCenter" },
                tag_value: { "@@assign": ["Engineering", "Sales", "prod*"] },
                enforced_for: { "@@assign": ["ec2:instance"] },
              },
            },
          },
          targets: [],
        },
      ],
    },
    ...overrides,
  };
}

/**
 * Globex, its own policy: CostCenter ∈ {Engineering, Sales}, on ec2:instance only.
 * - i-g1 running CostCenter Engineering → compliant; i-g2 running CostCenter Marketing → invalid_value;
 * - table globex-orders untagged → out of the policy's scope.
 * Score 0.5, 1 violation. Spend in 30 days: EC2 compute 100, DynamoDB 10 (no Name tags).
 */
export function globexAccount(): AccountSeedInput {
  return {
    account_id: GLOBEX,
    name: "globex",
    regions: ["us-east-1"],
    resources: [
      {
        type: "ec2:instance",
        region: "us-east-1",
        id: "i-0b00000000000001",
        state: "running",
        tags: { CostCenter: "Engineering" },
      },
      {
        type: "ec2:instance",
        region: "us-east-1",
        id: "i-0b00000000000002",
        state: "running",
        tags: { CostCenter: "Marketing" },
      },
      { type: "dynamodb:table", region: "us-east-1", id: "globex-orders", tags: {} },
    ],
    costs: [
      { ...SPAN, service: "Amazon Elastic Compute Cloud - Compute", amount: 200 },
      { ...SPAN, service: "Amazon DynamoDB", amount: 20 },
    ],
  };
}

export const GLOBEX_POLICY = {
  version: "1.0",
  required_tags: [
    {
      name: "CostCenter",
      description: "Cost center",
      allowed_values: ["Engineering", "Sales"],
      applies_to: ["ec2:instance"],
    },
  ],
  optional_tags: [],
};

export const handComputedSeed = (): SeedInput => sandboxSeed([acmeAccount(), globexAccount()]);
