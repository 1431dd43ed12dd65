// The AWS world of the server's tests: the control plane, and two customer accounts with a few
// different resources each and no roles yet. The roles appear during onboarding, rendered from the real
// CloudFormation template with each client's External ID, exactly as the customer's stack creates them.
import type { AccountSeedInput, SeedInput } from "@tagc/aws-sandbox";
import { sandboxSeed } from "@tagc/testkit";

export { CONTROL_PLANE } from "@tagc/testkit";

export const ACME_ACCOUNT: AccountSeedInput = {
  account_id: "222222222222",
  name: "acme",
  regions: ["us-east-1", "eu-west-1"],
  roles: [],
  resources: [
    {
      type: "ec2:instance",
      region: "us-east-1",
      id: "i-0acme00000000001",
      state: "running",
      tags: { Name: "acme-web-1", Owner: "web@acme.example", Environment: "production" },
      attributes: { InstanceType: "t3.micro" },
    },
    { type: "ec2:volume", region: "us-east-1", id: "vol-0acme0000000001", tags: {} },
    { type: "s3:bucket", region: "us-east-1", id: "acme-logs-bucket", tags: { Owner: "ops@acme.example" } },
    {
      type: "lambda:function",
      region: "eu-west-1",
      id: "acme-billing-export",
      tags: { Environment: "staging" },
      attributes: { Runtime: "nodejs20.x" },
    },
  ],
};

export const GLOBEX_ACCOUNT: AccountSeedInput = {
  account_id: "333333333333",
  name: "globex",
  regions: ["us-east-1"],
  roles: [],
  resources: [
    {
      type: "ec2:instance",
      region: "us-east-1",
      id: "i-0globex000000001",
      state: "stopped",
      tags: { Name: "globex-batch", CostCenter: "R&D" },
    },
    {
      type: "dynamodb:table",
      region: "us-east-1",
      id: "globex-orders",
      tags: { Owner: "data@globex.example", Environment: "production" },
    },
  ],
};

export const testSeed = (): SeedInput => sandboxSeed([ACME_ACCOUNT, GLOBEX_ACCOUNT]);
