// A small two-tenant AWS world for this package's tests: the control plane, an untrusted caller,
// and two customers (acme, globex), each with their own role and External ID. acme also has a
// narrowed role whose policy lacks tag:GetResources (the `degraded` case).
import { type AccountSeedInput, type RoleSeedInput, type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { type AwsConfig, CredentialBroker, type CredentialBrokerOptions, type RoleTarget } from "../src";

export const CONTROL_PLANE = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/tagc-scanner-test",
  access_key_id: "AKIATAGCCONTROLPLANE",
  secret_access_key: "tagcControlPlaneSecret000000000000000000",
};
export const UNTRUSTED = {
  account_id: "999999999999",
  arn: "arn:aws:iam::999999999999:role/tagc-scanner-test",
  access_key_id: "AKIATAGCUNTRUSTED001",
  secret_access_key: "tagcUntrustedSecret00000000000000000000",
};

export const ACME = {
  accountId: "222222222222",
  clientId: "cli_acme01",
  externalId: "AcmeExternal0123456789abcdefGHIJKLMN",
};
export const GLOBEX = {
  accountId: "333333333333",
  clientId: "cli_globex01",
  externalId: "GlobexExternal0123456789abcdefGHIJKL",
};
export const ROLE_NAME = "TagComplianceReadOnly";
export const NARROW_ROLE_NAME = "TagComplianceNarrow";

// One action per permission family the verify probes (the role template grants each of them).
const READ_ACTIONS = [
  // Spelled out, not wildcards, so a test can take exactly one of them away.
  "tag:GetResources",
  "tag:GetTagKeys",
  "tag:GetTagValues",
  "ec2:DescribeRegions",
  "ec2:DescribeInstances",
  "ec2:DescribeVolumes",
  "s3:ListAllMyBuckets",
  "s3:GetBucket*",
  "rds:DescribeDBInstances",
  "lambda:ListFunctions",
  "ecs:ListClusters",
  "dynamodb:ListTables",
  "ce:GetCostAndUsage",
  "organizations:ListPolicies",
];

/** The read actions minus `drop`: a role narrowed by hand or by an SCP. */
export const readActionsWithout = (...drop: string[]) => READ_ACTIONS.filter((a) => !drop.includes(a));

export function scannerRole(externalId: string, name = ROLE_NAME, actions = READ_ACTIONS): RoleSeedInput {
  return {
    name,
    trust_policy: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111111111111:root" },
          Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
          Condition: {
            StringEquals: { "sts:ExternalId": externalId },
            ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:role/tagc-scanner-*" },
          },
        },
      ],
    },
    permissions_policy: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
    },
  };
}

function account(tenant: typeof ACME, name: string, roles: RoleSeedInput[]): AccountSeedInput {
  return {
    account_id: tenant.accountId,
    name,
    regions: ["us-east-1", "eu-west-1"],
    roles,
    resources: [
      { type: "ec2:instance", region: "us-east-1", id: `i-${tenant.accountId}`, tags: { Owner: name } },
    ],
  };
}

export function seed(options: { stsDisabledRegions?: string[] } = {}) {
  return {
    control_plane: { ...CONTROL_PLANE, sts_disabled_regions: options.stsDisabledRegions ?? [] },
    principals: [UNTRUSTED],
    accounts: [
      account(ACME, "acme", [
        scannerRole(ACME.externalId),
        scannerRole(ACME.externalId, NARROW_ROLE_NAME, ["ec2:Describe*"]),
      ]),
      account(GLOBEX, "globex", [scannerRole(GLOBEX.externalId)]),
    ],
  };
}

export const startTestSandbox = (options: { now?: () => number; stsDisabledRegions?: string[] } = {}) =>
  startSandbox({ seed: seed(options), ...(options.now ? { now: options.now } : {}) });

export const roleArn = (accountId: string, name = ROLE_NAME) => `arn:aws:iam::${accountId}:role/${name}`;

export function targetFor(tenant: typeof ACME, overrides: Partial<RoleTarget> = {}): RoleTarget {
  return {
    clientId: tenant.clientId,
    accountId: tenant.accountId,
    roleArn: roleArn(tenant.accountId),
    externalId: tenant.externalId,
    ...overrides,
  };
}

/** The control plane's config against the sandbox; `as` swaps in another caller's keys. */
export function configFor(
  sandbox: Sandbox,
  as: { access_key_id: string; secret_access_key: string } = CONTROL_PLANE,
  overrides: Partial<AwsConfig> = {},
): AwsConfig {
  return {
    region: "us-east-1",
    endpoint: sandbox.url,
    credentials: { accessKeyId: as.access_key_id, secretAccessKey: as.secret_access_key },
    maxAttempts: 2,
    ...overrides,
  };
}

export function brokerFor(sandbox: Sandbox, options: Partial<CredentialBrokerOptions> = {}) {
  return new CredentialBroker({ config: configFor(sandbox), ...options });
}

export const assumeRoleCalls = (sandbox: Sandbox) => sandbox.counters().by_operation["sts:AssumeRole"] ?? 0;

/** The rejection of a promise that must fail. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
