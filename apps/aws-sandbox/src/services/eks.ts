// EKS (REST-JSON): ListClusters, GET /clusters (maxResults 1-100, nextToken), and DescribeCluster,
// GET /clusters/{name}, whose answer carries the cluster's tags as a map; ListNodegroups,
// GET /clusters/{name}/node-groups (same paging), and DescribeNodegroup,
// GET /clusters/{name}/node-groups/{nodegroupName}, tags as a map too. Node groups are seeded with
// attributes.cluster naming their cluster.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { attr, createdAt, epochSeconds, optionalString, pageScope, regional, stableHex } from "./common";

const invalid = (message: string) => new AwsError("InvalidParameterException", message);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function routeEks(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  if (request.method !== "GET") return undefined;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) input[key] = first(value);
  let segments: string[];
  try {
    segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [collection, name, sub, nodegroupName, ...rest] = segments;
  if (collection !== "clusters" || rest.length) return undefined;
  if (name === undefined) return { name: "ListClusters", input };
  if (sub === undefined) return { name: "DescribeCluster", input: { ...input, name } };
  if (sub !== "node-groups") return undefined;
  if (nodegroupName === undefined) return { name: "ListNodegroups", input: { ...input, name } };
  return { name: "DescribeNodegroup", input: { ...input, name, nodegroupName } };
}

function maxResults(input: OpInput): number {
  const raw = input.maxResults;
  if (raw === undefined || raw === "") return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw invalid("maxResults must be between 1 and 100.");
  return value;
}

function namesPage(ctx: OpContext, operation: string, input: OpInput, names: string[]) {
  const size = maxResults(input);
  const scope = pageScope(ctx, operation, input, ["nextToken", "maxResults"]);
  const token = optionalString(input, "nextToken");
  return page(names, { token, size, scope, code: "InvalidParameterException", param: "nextToken" });
}

function listClusters(ctx: OpContext, input: OpInput) {
  const result = namesPage(
    ctx,
    "ListClusters",
    input,
    regional(ctx, "eks:cluster").map((r) => r.id),
  );
  return { clusters: result.items, ...(result.next ? { nextToken: result.next } : {}) };
}

function findCluster(ctx: OpContext, name: string): Resource {
  const cluster = regional(ctx, "eks:cluster").find((r) => r.id === name);
  if (!cluster) throw new AwsError("ResourceNotFoundException", `No cluster found for name: ${name}.`, 404);
  return cluster;
}

// moto 5.2 agrees on DescribeNodegroup's shape and its 404; for ListNodegroups of an unknown
// cluster it fails with a 500, where AWS answers ResourceNotFoundException as DescribeCluster does.
const nodegroupsOf = (ctx: OpContext, cluster: string) =>
  regional(ctx, "eks:nodegroup").filter((r) => attr(r, "cluster", "") === cluster);

function listNodegroups(ctx: OpContext, input: OpInput) {
  const cluster = findCluster(ctx, String(input.name ?? ""));
  const names = nodegroupsOf(ctx, cluster.id).map((r) => r.id);
  const result = namesPage(ctx, "ListNodegroups", input, names);
  return { nodegroups: result.items, ...(result.next ? { nextToken: result.next } : {}) };
}

function nodegroupShape(r: Resource, cluster: Resource) {
  const created = epochSeconds(createdAt(r));
  return {
    nodegroupName: r.id,
    nodegroupArn: r.arn,
    clusterName: cluster.id,
    version: attr(cluster, "version", "1.31"),
    releaseVersion: "1.31.0-20250101",
    createdAt: created,
    modifiedAt: created,
    status: r.state ?? "ACTIVE",
    capacityType: attr(r, "capacityType", "ON_DEMAND"),
    scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
    instanceTypes: attr(r, "instanceTypes", ["t3.medium"]),
    amiType: "AL2023_x86_64_STANDARD",
    nodeRole: attr(r, "nodeRole", `arn:aws:iam::${r.account_id}:role/${r.id}-nodes`),
    diskSize: 20,
    health: { issues: [] },
    tags: r.tags,
  };
}

function clusterShape(r: Resource) {
  return {
    name: r.id,
    arn: r.arn,
    createdAt: epochSeconds(createdAt(r)),
    version: attr(r, "version", "1.31"),
    endpoint: `https://${stableHex(r.arn, 32).toUpperCase()}.gr7.${r.region}.eks.amazonaws.com`,
    roleArn: attr(r, "roleArn", `arn:aws:iam::${r.account_id}:role/${r.id}-eks`),
    status: r.state ?? "ACTIVE",
    platformVersion: "eks.10",
    tags: r.tags,
  };
}

export const eks: OperationTable = {
  ListClusters: { action: "eks:ListClusters", handle: listClusters },
  DescribeCluster: {
    action: "eks:DescribeCluster",
    handle: (ctx, input) => ({ cluster: clusterShape(findCluster(ctx, String(input.name ?? ""))) }),
  },
  ListNodegroups: { action: "eks:ListNodegroups", handle: listNodegroups },
  DescribeNodegroup: {
    action: "eks:DescribeNodegroup",
    handle: (ctx, input) => {
      const cluster = findCluster(ctx, String(input.name ?? ""));
      const name = String(input.nodegroupName ?? "");
      const nodegroup = nodegroupsOf(ctx, cluster.id).find((r) => r.id === name);
      if (!nodegroup)
        throw new AwsError("ResourceNotFoundException", `No node group found for name: ${name}.`, 404);
      return { nodegroup: nodegroupShape(nodegroup, cluster) };
    },
  },
};
