// EKS (REST-JSON): ListClusters, GET /clusters (maxResults 1-100, nextToken), and DescribeCluster,
// GET /clusters/{name}, whose answer carries the cluster's tags as a map.
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
  const [collection, name, ...rest] = segments;
  if (collection !== "clusters" || rest.length) return undefined;
  if (name === undefined) return { name: "ListClusters", input };
  return { name: "DescribeCluster", input: { ...input, name } };
}

function listClusters(ctx: OpContext, input: OpInput) {
  const raw = input.maxResults;
  let size = 100;
  if (raw !== undefined && raw !== "") {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 100)
      throw invalid("maxResults must be between 1 and 100.");
    size = value;
  }
  const names = regional(ctx, "eks:cluster").map((r) => r.id);
  const scope = pageScope(ctx, "ListClusters", input, ["nextToken", "maxResults"]);
  const token = optionalString(input, "nextToken");
  const result = page(names, { token, size, scope, code: "InvalidParameterException", param: "nextToken" });
  return { clusters: result.items, ...(result.next ? { nextToken: result.next } : {}) };
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
    handle: (ctx, input) => {
      const name = String(input.name ?? "");
      const cluster = regional(ctx, "eks:cluster").find((r) => r.id === name);
      if (!cluster)
        throw new AwsError("ResourceNotFoundException", `No cluster found for name: ${name}.`, 404);
      return { cluster: clusterShape(cluster) };
    },
  },
};
