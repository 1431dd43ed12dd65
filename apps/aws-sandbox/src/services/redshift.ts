// Redshift (AWS query protocol, 2012-12-01): DescribeClusters (Marker/MaxRecords 20-100, TagKeys and
// TagValues filters), whose Cluster members carry their Tags inline, for the caller's clusters in the
// signed region. ARNs are cluster:<id>, with a colon, as AWS writes them.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { queryList } from "../protocol/params";
import type { Resource } from "../world/world";
import { attr, createdAt, optionalString, pageScope, regional, stableHex, stableUuid } from "./common";

const CLUSTER = "redshift:cluster";
const invalid = (message: string) => new AwsError("InvalidParameterValue", message);

/**
 * Redshift pages hold 20 to 100 records; 100 when MaxRecords is omitted. (moto 5.2 accepts any
 * MaxRecords and omits ClusterNamespaceArn; the API reference's constraint and shape are followed.)
 */
function maxRecords(input: OpInput): number {
  const raw = input.MaxRecords;
  if (raw === undefined || raw === "") return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 20 || value > 100)
    throw invalid(`Invalid MaxRecords value: ${String(raw)}. MaxRecords must be between 20 and 100.`);
  return value;
}

/**
 * TagKeys.TagKey.N and TagValues.TagValue.N: a cluster matches when it carries any of the keys
 * (and any of the values), as the API reference describes.
 */
function tagFilter(input: OpInput): (r: Resource) => boolean {
  const keys = queryList(input, "TagKeys.TagKey");
  const values = queryList(input, "TagValues.TagValue");
  return (r) =>
    (!keys.length || keys.some((k) => k in r.tags)) &&
    (!values.length || Object.values(r.tags).some((v) => values.includes(v)));
}

function cluster(r: Resource) {
  const nodes = attr(r, "NumberOfNodes", 2);
  return {
    ClusterIdentifier: r.id,
    NodeType: attr(r, "NodeType", "ra3.xlplus"),
    ClusterStatus: r.state ?? "available",
    ClusterAvailabilityStatus: r.state === "paused" ? "Paused" : "Available",
    MasterUsername: attr(r, "MasterUsername", "awsuser"),
    DBName: attr(r, "DBName", "dev"),
    Endpoint: {
      Address: `${r.id}.c${stableHex(r.arn, 10)}.${r.region}.redshift.amazonaws.com`,
      Port: 5439,
    },
    ClusterCreateTime: createdAt(r),
    AutomatedSnapshotRetentionPeriod: 1,
    AvailabilityZone: attr(r, "AvailabilityZone", `${r.region}a`),
    ClusterVersion: "1.0",
    NumberOfNodes: nodes,
    PubliclyAccessible: false,
    Encrypted: true,
    // The namespace ARN is the only ARN DescribeClusters carries; the cluster's own is built.
    ClusterNamespaceArn: `arn:aws:redshift:${r.region}:${r.account_id}:namespace:${stableUuid(r.arn)}`,
    Tags: { Tag: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) },
  };
}

function describeClusters(ctx: OpContext, input: OpInput) {
  const id = optionalString(input, "ClusterIdentifier");
  const token = optionalString(input, "Marker");
  if (id && token)
    throw new AwsError(
      "InvalidParameterCombination",
      "You can specify either the ClusterIdentifier parameter or the Marker parameter, but not both.",
    );
  let items = regional(ctx, CLUSTER);
  if (id) {
    items = items.filter((r) => r.id === id);
    if (!items.length) throw new AwsError("ClusterNotFound", `Cluster ${id} not found.`, 404);
  }
  items = items.filter(tagFilter(input));
  const size = maxRecords(input);
  const scope = pageScope(ctx, "DescribeClusters", input, ["Marker", "MaxRecords"]);
  const result = page(items, { token, size, scope, code: "InvalidParameterValue", param: "Marker" });
  return {
    ...(result.next ? { Marker: result.next } : {}),
    Clusters: { Cluster: result.items.map(cluster) },
  };
}

export const redshift: OperationTable = {
  DescribeClusters: { action: "redshift:DescribeClusters", handle: describeClusters },
};
