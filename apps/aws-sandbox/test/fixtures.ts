// A small two-customer world used by the sandbox's own tests.
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AccountSeedInput, RoleSeedInput, SeedInput } from "../src";
import { type Sandbox, startSandbox } from "../src";

export const CONTROL_PLANE = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/tagc-scanner-prod",
  access_key_id: "AKIACONTROLPLANE0001",
  secret_access_key: "controlPlaneSecretKey000000000000000000",
};
export const UNTRUSTED = {
  account_id: "999999999999",
  arn: "arn:aws:iam::999999999999:role/tagc-scanner-prod",
  access_key_id: "AKIAUNTRUSTED0000001",
  secret_access_key: "untrustedSecretKey00000000000000000000",
};
export const OUTSIDE_PATTERN = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/some-other-role",
  access_key_id: "AKIAOUTSIDEPATTERN01",
  secret_access_key: "outsidePatternSecret00000000000000000",
};

export const ACME = "222222222222";
export const GLOBEX = "333333333333";
export const EXTERNAL_ID = "acmeExternalId0123456789abcdefABCDEF";
export const GLOBEX_EXTERNAL_ID = "globexExternalId0123456789abcdefABCD";

export function scannerRole(
  externalId: string,
  actions: string[] = [
    "tag:Get*",
    "ec2:Describe*",
    "s3:ListAllMyBuckets",
    "s3:GetBucket*",
    "rds:Describe*",
    "rds:ListTagsForResource",
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
    "organizations:ListTargetsForPolicy",
  ],
): RoleSeedInput {
  return {
    name: "TagComplianceReadOnly",
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

export function acmeAccount(extra: Partial<AccountSeedInput> = {}): AccountSeedInput {
  return {
    account_id: ACME,
    name: "acme",
    regions: ["us-east-1", "eu-west-1"],
    roles: [scannerRole(EXTERNAL_ID)],
    resources: [
      {
        type: "ec2:instance",
        region: "us-east-1",
        id: "i-0000000000000001",
        state: "running",
        tags: { Name: "web-1", Owner: "a@acme.io" },
        created_at: "2026-01-05T10:00:00Z",
      },
      { type: "ec2:instance", region: "us-east-1", id: "i-0000000000000002", state: "stopped", tags: {} },
      {
        type: "ec2:instance",
        region: "eu-west-1",
        id: "i-0000000000000003",
        state: "running",
        tags: { Environment: "production" },
      },
      { type: "ec2:volume", region: "us-east-1", id: "vol-0000000000000001", tags: { Owner: "a@acme.io" } },
      { type: "s3:bucket", region: "us-east-1", id: "acme-logs", tags: { Owner: "a@acme.io" } },
      { type: "s3:bucket", region: "eu-west-1", id: "acme-untagged", tags: {} },
    ],
    ...extra,
  };
}

export function globexAccount(extra: Partial<AccountSeedInput> = {}): AccountSeedInput {
  return {
    account_id: GLOBEX,
    name: "globex",
    regions: ["us-east-1"],
    roles: [scannerRole(GLOBEX_EXTERNAL_ID)],
    resources: [
      {
        type: "ec2:instance",
        region: "us-east-1",
        id: "i-00000000000000g1",
        state: "running",
        tags: { Name: "globex-api", Owner: "g@globex.io" },
      },
      { type: "s3:bucket", region: "us-east-1", id: "globex-data", tags: { Owner: "g@globex.io" } },
    ],
    ...extra,
  };
}

export function baseSeed(accounts: AccountSeedInput[] = [acmeAccount(), globexAccount()]): SeedInput {
  return { control_plane: CONTROL_PLANE, principals: [UNTRUSTED, OUTSIDE_PATTERN], accounts };
}

export const startTestSandbox = (
  accounts?: AccountSeedInput[],
  options: Partial<Parameters<typeof startSandbox>[0]> = {},
) => startSandbox({ seed: baseSeed(accounts), ...options });

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const staticCreds = (p: { access_key_id: string; secret_access_key: string }): Creds => ({
  accessKeyId: p.access_key_id,
  secretAccessKey: p.secret_access_key,
});

/** SDK client config pointed at the sandbox. */
export function clientConfig(sandbox: Sandbox, credentials: Creds, region = "us-east-1") {
  return { endpoint: sandbox.url, region, credentials, forcePathStyle: true, maxAttempts: 3 };
}

export async function assume(sandbox: Sandbox, account = ACME, externalId = EXTERNAL_ID): Promise<Creds> {
  const sts = new STSClient(clientConfig(sandbox, staticCreds(CONTROL_PLANE)));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/TagComplianceReadOnly`,
      RoleSessionName: "tagc-test",
      ExternalId: externalId,
    }),
  );
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}
