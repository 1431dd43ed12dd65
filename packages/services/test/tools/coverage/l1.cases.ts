// Batch L1: ELBv2 load balancers and target groups, ElastiCache clusters and replication groups,
// Kinesis streams (ELBv2 appends 16 hex digits to the name).
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

const east = "us-east-1";
const seed = (type: string, id: string) => ({ type, region: east, id, tags: {} });

export const CASES: CoverageCase[] = [
  {
    type: "elasticloadbalancing:loadbalancer",
    seed: seed("elasticloadbalancing:loadbalancer", "l1-untagged-alb"),
    arn: new RegExp(
      `^arn:aws:elasticloadbalancing:${east}:${ACME}:loadbalancer/app/l1-untagged-alb/[0-9a-f]{16}$`,
    ),
  },
  {
    type: "elasticloadbalancing:targetgroup",
    seed: seed("elasticloadbalancing:targetgroup", "l1-untagged-tg"),
    arn: new RegExp(`^arn:aws:elasticloadbalancing:${east}:${ACME}:targetgroup/l1-untagged-tg/[0-9a-f]{16}$`),
  },
  {
    type: "elasticache:cluster",
    seed: seed("elasticache:cluster", "l1-untagged-cache"),
    arn: `arn:aws:elasticache:${east}:${ACME}:cluster:l1-untagged-cache`,
  },
  {
    type: "elasticache:replicationgroup",
    seed: seed("elasticache:replicationgroup", "l1-untagged-rg"),
    arn: `arn:aws:elasticache:${east}:${ACME}:replicationgroup:l1-untagged-rg`,
  },
  {
    type: "kinesis:stream",
    seed: seed("kinesis:stream", "l1-untagged-stream"),
    arn: `arn:aws:kinesis:${east}:${ACME}:stream/l1-untagged-stream`,
  },
];
