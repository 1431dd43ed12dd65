// Regenerates seeds/demo.json: `pnpm --filter @tagc/aws-sandbox exec tsx scripts/make-demo-seed.ts`, then
// `pnpm exec biome check --write apps/aws-sandbox/seeds/demo.json` (lint checks the formatting).
// Two customer accounts with realistic, imperfect tagging, and no role: each customer's cloud admin
// (seeded here) creates it by launching the product's CloudFormation stack, as on AWS.
import { writeFileSync } from "node:fs";
import { generateAccount } from "../src/generate";
import type { SeedInput } from "../src/seed/schema";

const acme = generateAccount({
  accountId: "222222222222",
  name: "acme-prod",
  resources: 240,
  regions: 3,
  seed: 7,
  // acme never activated Application for cost allocation: the gap must say its spend is unknowable.
  costAllocationTags: [
    { key: "Application", type: "UserDefined", status: "Inactive" },
    { key: "CostCenter", type: "UserDefined", status: "Inactive" },
    { key: "Environment", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
    { key: "Name", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
    { key: "Owner", type: "UserDefined", status: "Active", last_updated: "2025-03-01T00:00:00Z" },
  ],
});
const globex = generateAccount({
  accountId: "333333333333",
  name: "globex",
  resources: 120,
  regions: 2,
  seed: 99,
});

// The customers' cloud admins, who click "Launch stack": CloudFormation with the IAM rights a stack
// that creates a named role needs, and read access to the operator's published template.
const customerAdmin = (accountId: string, name: string, accessKeyId: string, secret: string) => ({
  account_id: accountId,
  arn: `arn:aws:iam::${accountId}:user/${name}`,
  access_key_id: accessKeyId,
  secret_access_key: secret,
  policy: {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow" as const, Action: ["cloudformation:*", "iam:*", "s3:GetObject"], Resource: "*" },
    ],
  },
});

const seed: SeedInput = {
  control_plane: {
    account_id: "111111111111",
    arn: "arn:aws:iam::111111111111:role/tagc-scanner-prod",
    access_key_id: "AKIACONTROLPLANE0001",
    secret_access_key: "controlPlaneSecretKey000000000000000000",
  },
  principals: [
    {
      account_id: "999999999999",
      arn: "arn:aws:iam::999999999999:role/tagc-scanner-prod",
      access_key_id: "AKIAUNTRUSTED0000001",
      secret_access_key: "untrustedSecretKey00000000000000000000",
    },
    customerAdmin(
      "222222222222",
      "acme-admin",
      "AKIAACMEADMIN0000001",
      "acmeAdminSecretKey0000000000000000000000",
    ),
    customerAdmin(
      "333333333333",
      "globex-admin",
      "AKIAGLOBEXADMIN00001",
      "globexAdminSecretKey00000000000000000000",
    ),
  ],
  accounts: [
    {
      ...acme,
      organization: {
        id: "o-demo000001",
        tag_policies: [
          {
            id: "p-demo0001",
            name: "acme-tagging",
            description: "Company-wide tagging rules",
            content: {
              tags: {
                costcenter: {
                  tag_key: { "@@assign": "CostCenter" },
                  tag_value: { "@@assign": ["Engineering", "Marketing", "Sales", "Operations"] },
                  enforced_for: { "@@assign": ["ec2:instance", "rds:db", "s3:bucket"] },
                },
                environment: {
                  tag_key: { "@@assign": "Environment" },
                  tag_value: { "@@assign": ["production", "staging", "development", "test"] },
                  enforced_for: { "@@assign": ["ec2:instance", "rds:db", "lambda:function"] },
                },
                owner: {
                  tag_key: { "@@assign": "Owner" },
                  enforced_for: { "@@assign": ["ec2:instance", "s3:bucket"] },
                },
              },
            },
            targets: [{ id: "r-demo", name: "Root", type: "ROOT" }],
          },
        ],
      },
    },
    globex,
  ],
};

writeFileSync(new URL("../seeds/demo.json", import.meta.url), `${JSON.stringify(seed, null, 2)}\n`);
console.log(`wrote seeds/demo.json: ${acme.resources?.length} + ${globex.resources?.length} resources`);
