// Batch C1: glue:table, a type AWS cannot tag (AWS Glue Developer Guide, "AWS tags in AWS Glue"):
// found by its lister and reported as not taggable, never among violations or untagged resources.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "glue:table",
    seed: { type: "glue:table", region: "eu-west-1", id: "acme_lake/orders", tags: {} },
    arn: `arn:aws:glue:eu-west-1:${ACME}:table/acme_lake/orders`,
    expect: "not_taggable",
  },
];
