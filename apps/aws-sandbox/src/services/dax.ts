// DynamoDB Accelerator (JSON 1.1, AmazonDAXV3): DescribeClusters (all clusters or ClusterNames;
// MaxResults 20-100, default 100 here; NextToken) and ListTags (ResourceName is the cluster's ARN,
// cache/<name>), for the caller's clusters in the signed region. Shapes and not-found faults as moto
// 5.2 answers them (moto ignores MaxResults).
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

const CACHE = "dax:cache";
const CACHE_ARN = /^arn:aws[a-z-]*:dax:[a-z0-9-]+:(\d{12}):cache\/([^/]+)$/;
const invalid = (message: string) => new AwsError("InvalidParameterValueException", message);

const shape = (r: Resource) => ({
  ClusterName: r.id,
  ClusterArn: r.arn,
  TotalNodes: attr(r, "TotalNodes", 3),
  ActiveNodes: attr(r, "TotalNodes", 3),
  NodeType: attr(r, "NodeType", "dax.r5.large"),
  Status: r.state ?? "available",
  ClusterDiscoveryEndpoint: {
    Address: `${r.id}.${stableHex(r.arn, 6)}.dax-clusters.${r.region}.amazonaws.com`,
    Port: 8111,
  },
  PreferredMaintenanceWindow: "thu:23:30-fri:00:30",
  SubnetGroup: "default",
  IamRoleArn: `arn:aws:iam::${r.account_id}:role/dax-${r.id}`,
  ParameterGroup: {
    ParameterGroupName: "default.dax1.0",
    ParameterApplyStatus: "in-sync",
    NodeIdsToReboot: [],
  },
  SSEDescription: { Status: "ENABLED" },
  ClusterEndpointEncryptionType: "NONE",
});

function describeClusters(ctx: OpContext, input: OpInput) {
  let size = 100;
  if (input.MaxResults !== undefined && input.MaxResults !== null) {
    const value = Number(input.MaxResults);
    if (!Number.isInteger(value) || value < 20 || value > 100)
      throw invalid("The value for MaxResults must be between 20 and 100.");
    size = value;
  }
  const names = Array.isArray(input.ClusterNames) ? input.ClusterNames.map(String) : [];
  const clusters = regional(ctx, CACHE).filter((r) => !names.length || names.includes(r.id));
  const missing = names.find((name) => !clusters.some((r) => r.id === name));
  if (missing) throw new AwsError("ClusterNotFoundFault", `Cluster ${missing} not found.`);
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
  const arn = optionalString(input, "ResourceName") ?? "";
  if (!CACHE_ARN.test(arn)) throw new AwsError("InvalidARNFault", `ARN ${arn} is invalid.`);
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "dax:ListTags", arn);
  const cluster = regional(ctx, CACHE).find((r) => r.arn === arn);
  if (!cluster) throw new AwsError("ClusterNotFoundFault", "Cluster not found.");
  // Every tag of a cluster fits one answer (50 at most); no NextToken is ever returned.
  return { Tags: Object.entries(cluster.tags).map(([Key, Value]) => ({ Key, Value })) };
}

export const dax: OperationTable = {
  DescribeClusters: { action: "dax:DescribeClusters", handle: describeClusters },
  ListTags: { action: "dax:ListTags", handle: listTags },
};
