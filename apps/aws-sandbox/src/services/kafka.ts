// Amazon MSK (REST-JSON): ListClustersV2, GET /api/v2/clusters (maxResults 1-100, the API reference
// names no default: 10 here; nextToken; clusterNameFilter as a name prefix; clusterTypeFilter
// PROVISIONED or SERVERLESS). Each entry carries the cluster's tags as a map, its state and its
// creation time (ISO 8601: the MSK model marks CreationTime date-time, unlike REST-JSON's default
// epoch seconds). moto 5.2 answers the same shape but ignores maxResults and writes serverless ARNs
// as "serverless-cluster/<uuid>"; AWS writes every cluster as cluster/<name>/<uuid>-<n>.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { attr, createdAt, optionalString, pageScope, regional } from "./common";

const CLUSTER = "kafka:cluster";
const TYPES = ["PROVISIONED", "SERVERLESS"];
const badRequest = (message: string) => new AwsError("BadRequestException", message);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function routeKafka(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  if (request.method !== "GET" || request.path.replace(/\/+$/, "") !== "/api/v2/clusters") return undefined;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) input[key] = first(value);
  return { name: "ListClustersV2", input };
}

const isoTime = (r: Resource) => new Date(createdAt(r)).toISOString();

function clusterShape(r: Resource) {
  const type = attr<string>(r, "ClusterType", "PROVISIONED");
  return {
    clusterArn: r.arn,
    clusterName: r.id,
    clusterType: type,
    creationTime: isoTime(r),
    currentVersion: attr(r, "CurrentVersion", "K3AEGXETSR30VB"),
    state: r.state ?? "ACTIVE",
    tags: r.tags,
    ...(type === "SERVERLESS"
      ? {
          serverless: { vpcConfigs: [{ subnetIds: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-0a1b2c3d"] }] },
        }
      : {
          provisioned: {
            brokerNodeGroupInfo: {
              instanceType: attr(r, "InstanceType", "kafka.m5.large"),
              clientSubnets: ["subnet-0a1b2c3d", "subnet-0e1f2a3b"],
            },
            currentBrokerSoftwareInfo: { kafkaVersion: attr(r, "KafkaVersion", "3.6.0") },
            numberOfBrokerNodes: attr(r, "NumberOfBrokerNodes", 2),
            enhancedMonitoring: "DEFAULT",
            storageMode: "LOCAL",
          },
        }),
  };
}

function listClustersV2(ctx: OpContext, input: OpInput) {
  const raw = input.maxResults;
  let size = 10;
  if (raw !== undefined && raw !== "") {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 100)
      throw badRequest("The maxResults parameter must be between 1 and 100.");
    size = value;
  }
  const type = optionalString(input, "clusterTypeFilter");
  if (type && !TYPES.includes(type)) throw badRequest("The clusterTypeFilter parameter is not valid.");
  const prefix = optionalString(input, "clusterNameFilter");
  const clusters = regional(ctx, CLUSTER).filter(
    (r) =>
      (!type || attr<string>(r, "ClusterType", "PROVISIONED") === type) &&
      (!prefix || r.id.startsWith(prefix)),
  );
  const scope = pageScope(ctx, "ListClustersV2", input, ["nextToken", "maxResults"]);
  const token = optionalString(input, "nextToken");
  const result = page(clusters, { token, size, scope, code: "BadRequestException", param: "nextToken" });
  return {
    clusterInfoList: result.items.map(clusterShape),
    ...(result.next ? { nextToken: result.next } : {}),
  };
}

export const kafka: OperationTable = {
  ListClustersV2: { action: "kafka:ListClustersV2", handle: listClustersV2 },
};
