// RDS (AWS query protocol): DescribeDBInstances, DescribeDBClusters (Marker/MaxRecords pagination,
// Filters) and ListTagsForResource. Answers from the caller's account in the signed region only.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { arnAccount, crossAccountDenied, optionalString, pageScope, regional } from "./common";
import { applyFilters, CLUSTER_FILTERS, INSTANCE_FILTERS, maxRecords } from "./rds/params";
import { clusterOf, dbCluster, dbInstance, tagList } from "./rds/shapes";

const instanceNotFound = (id: string) =>
  new AwsError("DBInstanceNotFound", `DBInstance ${id} not found.`, 404);
const clusterNotFound = (id: string) =>
  new AwsError("DBClusterNotFoundFault", `DBCluster ${id} not found.`, 404);
const RDS_ARN = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):([a-z-]+):(.+)$/;

interface ListSpec {
  operation: string;
  type: string;
  idParam: string;
  filters: typeof INSTANCE_FILTERS;
  notFound: (id: string) => AwsError;
}

/** One page of instances or clusters: an identifier (name or ARN) narrows to one, or fails. */
function describe(ctx: OpContext, input: OpInput, spec: ListSpec) {
  let items = regional(ctx, spec.type);
  const identifier = optionalString(input, spec.idParam);
  if (identifier) {
    items = items.filter((r) => r.id === identifier || r.arn === identifier);
    if (!items.length) throw spec.notFound(identifier);
  }
  items = applyFilters(input, items, spec.filters);
  const size = maxRecords(input);
  const scope = pageScope(ctx, spec.operation, input, ["Marker", "MaxRecords"]);
  const token = optionalString(input, "Marker");
  return page(items, { token, size, scope, code: "InvalidParameterValue", param: "Marker" });
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const name = optionalString(input, "ResourceName");
  if (!name) throw new AwsError("MissingParameter", "The request must contain the parameter ResourceName");
  const match = name.match(RDS_ARN);
  if (!match) throw new AwsError("InvalidParameterValue", `Invalid resource name: ${name}`);
  const [, region, , kind, id] = match as unknown as [string, string, string, string, string];
  if (arnAccount(name) !== ctx.account.id) throw crossAccountDenied(ctx, "rds:ListTagsForResource", name);
  const elsewhere = () =>
    new AwsError(
      "InvalidParameterValue",
      "The specified resource name does not match an RDS resource in this region.",
    );
  if (region !== ctx.region) throw elsewhere();
  if (kind === "db" || kind === "cluster") {
    const resource = regional(ctx, `rds:${kind}`).find((r) => r.id === id);
    if (!resource) throw kind === "db" ? instanceNotFound(id) : clusterNotFound(id);
    return { TagList: tagList(resource.tags) };
  }
  // Other RDS kinds (snapshots, parameter groups...) are found only by an explicitly seeded ARN.
  const other = (ctx.account.byRegion.get(ctx.region) ?? []).find((r) => r.arn === name);
  if (!other) throw elsewhere();
  return { TagList: tagList(other.tags) };
}

export const rds: OperationTable = {
  DescribeDBInstances: {
    action: "rds:DescribeDBInstances",
    handle: (ctx, input) => {
      const result = describe(ctx, input, {
        operation: "DescribeDBInstances",
        type: "rds:db",
        idParam: "DBInstanceIdentifier",
        filters: INSTANCE_FILTERS,
        notFound: instanceNotFound,
      });
      return {
        ...(result.next ? { Marker: result.next } : {}),
        DBInstances: { DBInstance: result.items.map(dbInstance) },
      };
    },
  },
  DescribeDBClusters: {
    action: "rds:DescribeDBClusters",
    handle: (ctx, input) => {
      const result = describe(ctx, input, {
        operation: "DescribeDBClusters",
        type: "rds:cluster",
        idParam: "DBClusterIdentifier",
        filters: CLUSTER_FILTERS,
        notFound: clusterNotFound,
      });
      const instances = regional(ctx, "rds:db");
      const clusters = result.items.map((c) =>
        dbCluster(
          c,
          instances.filter((i) => clusterOf(i) === c.id),
        ),
      );
      return { ...(result.next ? { Marker: result.next } : {}), DBClusters: { DBCluster: clusters } };
    },
  },
  ListTagsForResource: { action: "rds:ListTagsForResource", handle: listTagsForResource },
};
