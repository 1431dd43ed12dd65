// Batch L3: EKS node groups, FSx file systems, Redshift clusters, EMR clusters.
import { ACME_ACCOUNT as ACME } from "@tagc/testkit";
import type { CoverageCase } from "./case";

export const CASES: CoverageCase[] = [
  {
    type: "eks:nodegroup",
    // Under l2's acme-k8s cluster (us-east-1): ListNodegroups is asked per cluster.
    seed: {
      type: "eks:nodegroup",
      region: "us-east-1",
      id: "acme-workers",
      tags: {},
      attributes: { cluster: "acme-k8s" },
    },
    // EKS ends the ARN with a UUID of its own.
    arn: new RegExp(`^arn:aws:eks:us-east-1:${ACME}:nodegroup/acme-k8s/acme-workers/[0-9a-f-]{36}$`),
  },
  {
    type: "fsx:file-system",
    seed: { type: "fsx:file-system", region: "eu-west-1", id: "fs-0a1b2c3d4e5f60718", tags: {} },
    arn: `arn:aws:fsx:eu-west-1:${ACME}:file-system/fs-0a1b2c3d4e5f60718`,
  },
  {
    type: "redshift:cluster",
    seed: { type: "redshift:cluster", region: "us-east-1", id: "acme-warehouse", tags: {} },
    // A colon, not a slash, before the cluster's identifier.
    arn: `arn:aws:redshift:us-east-1:${ACME}:cluster:acme-warehouse`,
  },
  {
    type: "emr:cluster",
    seed: { type: "emr:cluster", region: "eu-west-1", id: "j-1K48XXXXXXHCB", tags: {} },
    arn: `arn:aws:elasticmapreduce:eu-west-1:${ACME}:cluster/j-1K48XXXXXXHCB`,
  },
];
