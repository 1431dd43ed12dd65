// Batch L2: EFS file systems, ECS task definitions, Secrets Manager secrets, KMS keys, EKS clusters.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "elasticfilesystem:file-system",
    seed: { type: "elasticfilesystem:file-system", region: "us-east-1", id: "fs-0a0a0a0a", tags: {} },
    arn: `arn:aws:elasticfilesystem:us-east-1:${ACME}:file-system/fs-0a0a0a0a`,
  },
  {
    type: "ecs:task-definition",
    seed: { type: "ecs:task-definition", region: "eu-west-1", id: "acme-worker:7", tags: {} },
    arn: `arn:aws:ecs:eu-west-1:${ACME}:task-definition/acme-worker:7`,
  },
  {
    type: "secretsmanager:secret",
    seed: { type: "secretsmanager:secret", region: "us-east-1", id: "acme/stripe-key", tags: {} },
    arn: new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACME}:secret:acme/stripe-key-[A-Za-z0-9]{6}$`),
  },
  {
    type: "kms:key",
    seed: { type: "kms:key", region: "eu-west-1", id: "0f0f0f0f-1111-2222-3333-444444444444", tags: {} },
    arn: `arn:aws:kms:eu-west-1:${ACME}:key/0f0f0f0f-1111-2222-3333-444444444444`,
  },
  {
    type: "eks:cluster",
    seed: { type: "eks:cluster", region: "us-east-1", id: "acme-k8s", tags: {} },
    arn: `arn:aws:eks:us-east-1:${ACME}:cluster/acme-k8s`,
  },
];
