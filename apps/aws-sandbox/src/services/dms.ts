// AWS DMS (JSON 1.1, AmazonDMSv20160101): DescribeReplicationInstances (MaxRecords 20-100, default
// 100, Marker; filters replication-instance-arn | -id | -class | engine-version) and
// ListTagsForResource (one ResourceArn, or a ResourceArnList whose TagList names each tag's
// ResourceArn), for the caller's replication instances in the signed region. A replication
// instance's ARN ends in a resource id DMS generates (rep:<26 characters>), not its identifier;
// moto 5.2 writes the identifier there and ignores MaxRecords.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { arnAccount, attr, createdAt, crossAccountDenied, epochSeconds, pageScope, regional } from "./common";

const REP = "dms:rep";
const invalid = (message: string) => new AwsError("InvalidParameterValueException", message);

const FILTERS: Record<string, (r: Resource) => string> = {
  "replication-instance-arn": (r) => r.arn,
  "replication-instance-id": (r) => r.id,
  "replication-instance-class": (r) => attr(r, "ReplicationInstanceClass", "dms.t3.medium"),
  "engine-version": (r) => attr(r, "EngineVersion", "3.5.3"),
};

function filtered(ctx: OpContext, input: OpInput): Resource[] {
  const filters = input.Filters ?? [];
  if (!Array.isArray(filters)) throw invalid("Filters must be a list.");
  let found = regional(ctx, REP);
  for (const filter of filters as { Name?: unknown; Values?: unknown }[]) {
    const field = FILTERS[String(filter?.Name)];
    if (!field) throw invalid(`The filter name ${String(filter?.Name)} is not valid.`);
    const values = Array.isArray(filter.Values) ? filter.Values.map(String) : [];
    found = found.filter((r) => values.includes(field(r)));
  }
  return found;
}

const shape = (r: Resource) => ({
  ReplicationInstanceIdentifier: r.id,
  ReplicationInstanceArn: r.arn,
  ReplicationInstanceClass: attr(r, "ReplicationInstanceClass", "dms.t3.medium"),
  ReplicationInstanceStatus: r.state ?? "available",
  AllocatedStorage: attr(r, "AllocatedStorage", 50),
  InstanceCreateTime: epochSeconds(createdAt(r)),
  EngineVersion: attr(r, "EngineVersion", "3.5.3"),
  AutoMinorVersionUpgrade: true,
  MultiAZ: attr(r, "MultiAZ", false),
  PubliclyAccessible: false,
  AvailabilityZone: `${r.region}a`,
  VpcSecurityGroups: [],
  PendingModifiedValues: {},
  NetworkType: "IPV4",
});

function describeReplicationInstances(ctx: OpContext, input: OpInput) {
  let size = 100;
  if (input.MaxRecords !== undefined && input.MaxRecords !== null) {
    const value = Number(input.MaxRecords);
    if (!Number.isInteger(value) || value < 20 || value > 100)
      throw invalid("MaxRecords must be between 20 and 100.");
    size = value;
  }
  const found = filtered(ctx, input);
  const scope = pageScope(ctx, "DescribeReplicationInstances", input, ["Marker", "MaxRecords"]);
  const token = typeof input.Marker === "string" && input.Marker ? input.Marker : undefined;
  const result = page(found, { token, size, scope, code: "InvalidParameterValueException", param: "Marker" });
  return {
    ReplicationInstances: result.items.map(shape),
    ...(result.next ? { Marker: result.next } : {}),
  };
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const single = typeof input.ResourceArn === "string" && input.ResourceArn ? [input.ResourceArn] : [];
  const list = Array.isArray(input.ResourceArnList) ? input.ResourceArnList.map(String) : [];
  const arns = [...single, ...list];
  if (!arns.length) throw invalid("Either ResourceArn or ResourceArnList must be provided.");
  const mine = new Map(regional(ctx, REP).map((r) => [r.arn, r]));
  const TagList: { Key: string; Value: string; ResourceArn: string }[] = [];
  for (const arn of arns) {
    if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "dms:ListTagsForResource", arn);
    const r = mine.get(arn);
    if (!r) throw new AwsError("ResourceNotFoundFault", `Resource ${arn} not found.`);
    for (const [Key, Value] of Object.entries(r.tags)) TagList.push({ Key, Value, ResourceArn: arn });
  }
  return { TagList };
}

export const dms: OperationTable = {
  DescribeReplicationInstances: {
    action: "dms:DescribeReplicationInstances",
    handle: describeReplicationInstances,
  },
  ListTagsForResource: { action: "dms:ListTagsForResource", handle: listTagsForResource },
};
