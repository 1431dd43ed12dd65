// ElastiCache (query protocol, 2015-02-02): DescribeCacheClusters and DescribeReplicationGroups
// (Marker/MaxRecords 20-100) and ListTagsForResource, for the caller's clusters and replication
// groups in the signed region.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { arnAccount, crossAccountDenied, optionalString, pageScope, regional } from "./common";
import { cacheCluster, groupOf, replicationGroup, tagList } from "./elasticache/shapes";

const CLUSTER = "elasticache:cluster";
const GROUP = "elasticache:replicationgroup";
const invalid = (message: string) => new AwsError("InvalidParameterValue", message);
const clusterNotFound = (id: string) =>
  new AwsError("CacheClusterNotFound", `CacheCluster not found: ${id}`, 404);
const groupNotFound = (id: string) =>
  new AwsError("ReplicationGroupNotFoundFault", `ReplicationGroup not found: ${id}`, 404);
const ARN = /^arn:aws[a-z-]*:elasticache:([a-z0-9-]+):(\d{12}):([a-z]+):(.+)$/;

/** ElastiCache pages hold 20 to 100 records; 100 when MaxRecords is omitted. */
function maxRecords(input: OpInput): number {
  const raw = input.MaxRecords;
  if (raw === undefined || raw === "") return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 20 || value > 100) {
    throw invalid(`Value '${String(raw)}' for parameter MaxRecords is invalid. Must be between 20 and 100`);
  }
  return value;
}

function onePage(ctx: OpContext, operation: string, input: OpInput, items: ReturnType<typeof regional>) {
  const scope = pageScope(ctx, operation, input, ["Marker", "MaxRecords"]);
  const size = maxRecords(input);
  return page(items, {
    token: optionalString(input, "Marker"),
    size,
    scope,
    code: "InvalidParameterValue",
    param: "Marker",
  });
}

function describeCacheClusters(ctx: OpContext, input: OpInput) {
  let items = regional(ctx, CLUSTER);
  const id = optionalString(input, "CacheClusterId");
  if (id) {
    items = items.filter((r) => r.id === id);
    if (!items.length) throw clusterNotFound(id);
  }
  const result = onePage(ctx, "DescribeCacheClusters", input, items);
  return {
    ...(result.next ? { Marker: result.next } : {}),
    CacheClusters: { CacheCluster: result.items.map(cacheCluster) },
  };
}

function describeReplicationGroups(ctx: OpContext, input: OpInput) {
  let items = regional(ctx, GROUP);
  const id = optionalString(input, "ReplicationGroupId");
  if (id) {
    items = items.filter((r) => r.id === id);
    if (!items.length) throw groupNotFound(id);
  }
  const result = onePage(ctx, "DescribeReplicationGroups", input, items);
  const clusters = regional(ctx, CLUSTER);
  return {
    ...(result.next ? { Marker: result.next } : {}),
    ReplicationGroups: {
      ReplicationGroup: result.items.map((g) =>
        replicationGroup(
          g,
          clusters.filter((c) => groupOf(c) === g.id),
        ),
      ),
    },
  };
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const name = optionalString(input, "ResourceName");
  if (!name) throw new AwsError("MissingParameter", "The request must contain the parameter ResourceName");
  const match = ARN.exec(name);
  if (!match) throw new AwsError("InvalidARN", `${name} is not a valid ARN`);
  if (arnAccount(name) !== ctx.account.id)
    throw crossAccountDenied(ctx, "elasticache:ListTagsForResource", name);
  const [, region, , kind, id = ""] = match;
  if (kind === "cluster" || kind === "replicationgroup") {
    const type = kind === "cluster" ? CLUSTER : GROUP;
    const found = region === ctx.region ? regional(ctx, type).find((r) => r.id === id) : undefined;
    if (!found) throw kind === "cluster" ? clusterNotFound(id) : groupNotFound(id);
    return { TagList: tagList(found.tags) };
  }
  // Other kinds (snapshots, parameter groups...) only by an explicitly seeded ARN.
  const other = (ctx.account.byRegion.get(ctx.region) ?? []).find((r) => r.arn === name);
  if (!other) throw new AwsError("InvalidARN", `${name} is not a valid ARN`);
  return { TagList: tagList(other.tags) };
}

export const elasticache: OperationTable = {
  DescribeCacheClusters: { action: "elasticache:DescribeCacheClusters", handle: describeCacheClusters },
  DescribeReplicationGroups: {
    action: "elasticache:DescribeReplicationGroups",
    handle: describeReplicationGroups,
  },
  ListTagsForResource: { action: "elasticache:ListTagsForResource", handle: listTagsForResource },
};
