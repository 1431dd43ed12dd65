// FSx (JSON 1.1, AWSSimbaAPIService_v20180301): DescribeFileSystems (FileSystemIds, MaxResults,
// NextToken), whose file systems carry their Tags and ResourceARN inline, for the caller's file
// systems in the signed region.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { attr, createdAt, epochSeconds, optionalString, pageScope, regional, stableHex } from "./common";

const FILE_SYSTEM = "fsx:file-system";
const badRequest = (message: string) => new AwsError("BadRequest", message);
/**
 * AWS documents only that a page holds at most the smaller of MaxResults and "the service's internal
 * maximum"; 100 here. MaxResults must be at least 1.
 */
const INTERNAL_MAX = 100;
// moto 5.2 differs from AWS here: its ids have 8 hex digits (AWS: 17), it omits Lifecycle and
// CreationTime, and it answers an unknown FileSystemIds entry with an empty list where the API
// reference names FileSystemNotFound. AWS's documented behaviour is followed.

function pageSize(input: OpInput): number {
  const raw = input.MaxResults;
  if (raw === undefined || raw === null) return INTERNAL_MAX;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1`,
    );
  return Math.min(value, INTERNAL_MAX);
}

function fileSystem(r: Resource) {
  const type = attr(r, "FileSystemType", "LUSTRE");
  return {
    OwnerId: r.account_id,
    CreationTime: epochSeconds(createdAt(r)),
    FileSystemId: r.id,
    FileSystemType: type,
    Lifecycle: r.state ?? "AVAILABLE",
    StorageCapacity: attr(r, "StorageCapacity", 1200),
    StorageType: attr(r, "StorageType", "SSD"),
    VpcId: `vpc-${stableHex(`${r.account_id}/${r.region}`, 17)}`,
    SubnetIds: [`subnet-${stableHex(`${r.arn}/subnet`, 17)}`],
    DNSName: `${r.id}.fsx.${r.region}.amazonaws.com`,
    ResourceARN: r.arn,
    Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

function describeFileSystems(ctx: OpContext, input: OpInput) {
  let items = regional(ctx, FILE_SYSTEM);
  const ids = input.FileSystemIds;
  if (ids !== undefined) {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string"))
      throw badRequest("FileSystemIds must be a list of file system ids.");
    const missing = ids.find((id) => !items.some((r) => r.id === id));
    if (missing) throw new AwsError("FileSystemNotFound", `File system '${missing}' does not exist.`);
    items = items.filter((r) => ids.includes(r.id));
  }
  const size = pageSize(input);
  const scope = pageScope(ctx, "DescribeFileSystems", input, ["NextToken", "MaxResults"]);
  const token = optionalString(input, "NextToken");
  const result = page(items, { token, size, scope, code: "BadRequest", param: "NextToken" });
  return { FileSystems: result.items.map(fileSystem), ...(result.next ? { NextToken: result.next } : {}) };
}

export const fsx: OperationTable = {
  DescribeFileSystems: { action: "fsx:DescribeFileSystems", handle: describeFileSystems },
};
