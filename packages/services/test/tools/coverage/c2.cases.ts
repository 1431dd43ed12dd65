// Batch C2: types of services new to the catalog — Firehose streams, MSK clusters (MSK appends the
// cluster's UUID and a revision to its name), DMS replication instances (named in the ARN by a
// resource id DMS generates), MemoryDB clusters, Transfer Family servers,
// App Runner services (the ARN ends in the service id), DAX clusters.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

const east = "us-east-1";
const seed = (type: string, id: string) => ({ type, region: east, id, tags: {} });

export const CASES: CoverageCase[] = [
  {
    type: "firehose:deliverystream",
    seed: seed("firehose:deliverystream", "c2-untagged-firehose"),
    arn: `arn:aws:firehose:${east}:${ACME}:deliverystream/c2-untagged-firehose`,
  },
  {
    type: "kafka:cluster",
    seed: seed("kafka:cluster", "c2-untagged-msk"),
    arn: new RegExp(`^arn:aws:kafka:${east}:${ACME}:cluster/c2-untagged-msk/[0-9a-f-]{36}-\\d+$`),
  },
  {
    type: "dms:rep",
    seed: seed("dms:rep", "c2-untagged-migration"),
    arn: new RegExp(`^arn:aws:dms:${east}:${ACME}:rep:[A-Z2-7]{26}$`),
  },
  {
    type: "memorydb:cluster",
    seed: seed("memorydb:cluster", "c2-untagged-memorydb"),
    arn: `arn:aws:memorydb:${east}:${ACME}:cluster/c2-untagged-memorydb`,
  },
  {
    type: "transfer:server",
    seed: seed("transfer:server", "s-0c2c2c2c2c2c2c2c2"),
    arn: `arn:aws:transfer:${east}:${ACME}:server/s-0c2c2c2c2c2c2c2c2`,
  },
  {
    type: "apprunner:service",
    seed: seed("apprunner:service", "c2-untagged-app"),
    arn: new RegExp(`^arn:aws:apprunner:${east}:${ACME}:service/c2-untagged-app/[0-9a-f]{32}$`),
  },
  {
    type: "dax:cache",
    seed: seed("dax:cache", "c2-untagged-dax"),
    arn: `arn:aws:dax:${east}:${ACME}:cache/c2-untagged-dax`,
  },
];
