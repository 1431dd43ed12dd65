// The types whose listers came first (EC2, S3, RDS, Lambda, ECS clusters and services, DynamoDB).
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

const east = "us-east-1";
const west = "eu-west-1";

export const CASES: CoverageCase[] = [
  {
    type: "ec2:instance",
    seed: { type: "ec2:instance", region: east, id: "i-0c0a0000000000001", tags: {} },
    arn: `arn:aws:ec2:${east}:${ACME}:instance/i-0c0a0000000000001`,
  },
  {
    type: "ec2:volume",
    seed: { type: "ec2:volume", region: east, id: "vol-0c0a0000000000001", tags: {} },
    arn: `arn:aws:ec2:${east}:${ACME}:volume/vol-0c0a0000000000001`,
  },
  {
    type: "ec2:snapshot",
    seed: { type: "ec2:snapshot", region: west, id: "snap-0c0a0000000000001", tags: {} },
    // Snapshot ARNs carry no account.
    arn: `arn:aws:ec2:${west}::snapshot/snap-0c0a0000000000001`,
  },
  {
    type: "ec2:elastic-ip",
    seed: { type: "ec2:elastic-ip", region: east, id: "eipalloc-0c0a0000000000001", tags: {} },
    arn: `arn:aws:ec2:${east}:${ACME}:elastic-ip/eipalloc-0c0a0000000000001`,
  },
  {
    type: "ec2:natgateway",
    seed: { type: "ec2:natgateway", region: west, id: "nat-0c0a0000000000001", tags: {} },
    arn: `arn:aws:ec2:${west}:${ACME}:natgateway/nat-0c0a0000000000001`,
  },
  {
    type: "s3:bucket",
    seed: { type: "s3:bucket", region: east, id: "acme-coverage-untagged", tags: {} },
    arn: "arn:aws:s3:::acme-coverage-untagged",
  },
  {
    type: "rds:db",
    seed: { type: "rds:db", region: east, id: "acme-coverage-db", tags: {} },
    arn: `arn:aws:rds:${east}:${ACME}:db:acme-coverage-db`,
  },
  {
    type: "rds:cluster",
    seed: { type: "rds:cluster", region: west, id: "acme-coverage-aurora", tags: {} },
    arn: `arn:aws:rds:${west}:${ACME}:cluster:acme-coverage-aurora`,
  },
  {
    type: "lambda:function",
    seed: { type: "lambda:function", region: east, id: "acme-coverage-fn", tags: {} },
    arn: `arn:aws:lambda:${east}:${ACME}:function:acme-coverage-fn`,
  },
  {
    type: "ecs:cluster",
    seed: { type: "ecs:cluster", region: east, id: "acme-coverage-ecs", tags: {} },
    arn: `arn:aws:ecs:${east}:${ACME}:cluster/acme-coverage-ecs`,
  },
  {
    type: "ecs:service",
    seed: {
      type: "ecs:service",
      region: east,
      id: "acme-coverage-svc",
      tags: {},
      attributes: { cluster: "acme-coverage-ecs" },
    },
    arn: `arn:aws:ecs:${east}:${ACME}:service/acme-coverage-ecs/acme-coverage-svc`,
  },
  {
    type: "dynamodb:table",
    seed: { type: "dynamodb:table", region: west, id: "acme-coverage-table", tags: {} },
    arn: `arn:aws:dynamodb:${west}:${ACME}:table/acme-coverage-table`,
  },
];
