// Amazon MemoryDB (JSON 1.1, AmazonMemoryDB): DescribeClusters (all clusters, or one by ClusterName;
// MaxResults and NextToken) and ListTags (by ResourceArn), for the caller's clusters in the signed
// region. Cluster ARNs are cluster/<name>. The API reference gives MaxResults no default nor bound:
// 100 a page here, at most 100, as ElastiCache's DescribeCacheClusters. moto 5.2 answers the same
// shapes and not-found fault, and ignores MaxResults.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  crossAccountDenied,
  optionalString,
  pageScope,
  regional,
  stableHex,
} from "./common";

const CLUSTER = "memorydb:cluster";
const CLUSTER_ARN = /^arn:aws[a-z-]*:memorydb:[a-z0-9-]+:(\d{12}):cluster\/([^/]+)$/;
const invalid = (message: string) => new AwsError("InvalidParameterValueException", message);

const shape = (r: Resource) => ({
  Name: r.id,
  Status: r.state ?? "available",
  NumberOfShards: attr(r, "NumberOfShards", 1),
  AvailabilityMode: "MultiAZ",
  ClusterEndpoint: {
    Address: `clustercfg.${r.id}.${stableHex(r.arn, 6)}.memorydb.${r.region}.amazonaws.com`,
    Port: 6379,
  },
  NodeType: attr(r, "NodeType", "db.t4g.small"),
  Engine: attr(r, "Engine", "valkey"),
  EngineVersion: attr(r, "EngineVersion", "7.2"),
  ParameterGroupName: "default.memorydb-valkey7",
  SubnetGroupName: "default",
  TLSEnabled: true,
  ARN: r.arn,
  ACLName: "open-access",
  AutoMinorVersionUpgrade: true,
});

function describeClusters(ctx: OpContext, input: OpInput) {
  let size = 100;
  if (input.MaxResults !== undefined && input.MaxResults !== null) {
    const value = Number(input.MaxResults);
    if (!Number.isInteger(value) || value < 1) throw invalid("MaxResults must be a positive integer.");
    size = Math.min(value, 100);
  }
  const name = optionalString(input, "ClusterName");
  const clusters = regional(ctx, CLUSTER).filter((r) => !name || r.id === name);
  if (name && !clusters.length) throw new AwsError("ClusterNotFoundFault", `Cluster ${name} not found`);
  const scope = pageScope(ctx, "DescribeClusters", input, ["NextToken", "MaxResults"]);
  const token = optionalString(input, "NextToken");
  const result = page(clusters, {
    token,
    size,
    scope,
    code: "InvalidParameterValueException",
    param: "NextToken",
  });
  return { Clusters: result.items.map(shape), ...(result.next ? { NextToken: result.next } : {}) };
}

function listTags(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "ResourceArn") ?? "";
  const match = CLUSTER_ARN.exec(arn);
  if (!match) throw new AwsError("InvalidARNFault", `${arn} is not a valid ARN.`);
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "memorydb:ListTags", arn);
  const cluster = regional(ctx, CLUSTER).find((r) => r.arn === arn);
  if (!cluster) throw new AwsError("ClusterNotFoundFault", `${match[2]} is not present`);
  return { TagList: Object.entries(cluster.tags).map(([Key, Value]) => ({ Key, Value })) };
}

export const memorydb: OperationTable = {
  DescribeClusters: { action: "memorydb:DescribeClusters", handle: describeClusters },
  ListTags: { action: "memorydb:ListTags", handle: listTags },
};
