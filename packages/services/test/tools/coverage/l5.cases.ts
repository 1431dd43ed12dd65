// Batch L5: Glue jobs and crawlers, OpenSearch domains, Step Functions state machines.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "glue:job",
    seed: { type: "glue:job", region: "us-east-1", id: "acme-nightly-etl", tags: {} },
    arn: `arn:aws:glue:us-east-1:${ACME}:job/acme-nightly-etl`,
  },
  {
    type: "glue:crawler",
    seed: { type: "glue:crawler", region: "eu-west-1", id: "acme-lake-crawler", tags: {} },
    arn: `arn:aws:glue:eu-west-1:${ACME}:crawler/acme-lake-crawler`,
  },
  {
    type: "opensearch:domain",
    seed: { type: "opensearch:domain", region: "us-east-1", id: "acme-search", tags: {} },
    arn: `arn:aws:es:us-east-1:${ACME}:domain/acme-search`,
  },
  {
    type: "stepfunctions:statemachine",
    seed: { type: "stepfunctions:statemachine", region: "eu-west-1", id: "acme-orders", tags: {} },
    arn: `arn:aws:states:eu-west-1:${ACME}:stateMachine:acme-orders`,
  },
];
