// Batch C1: glue:table, a type AWS cannot tag (AWS Glue Developer Guide, "AWS tags in AWS Glue"):
// found by its lister and reported as not taggable, never among violations or untagged resources;
// and ec2:vpc-endpoint (an interface endpoint, billed hourly under Amazon Virtual Private Cloud).
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "glue:table",
    seed: { type: "glue:table", region: "eu-west-1", id: "acme_lake/orders", tags: {} },
    arn: `arn:aws:glue:eu-west-1:${ACME}:table/acme_lake/orders`,
    expect: "not_taggable",
  },
  {
    type: "ec2:vpc-endpoint",
    seed: { type: "ec2:vpc-endpoint", region: "us-east-1", id: "vpce-0acafe0000000c1a1", tags: {} },
    arn: `arn:aws:ec2:us-east-1:${ACME}:vpc-endpoint/vpce-0acafe0000000c1a1`,
  },
];
