// EFS (REST-JSON): DescribeFileSystems, GET /2015-02-01/file-systems with Marker/MaxItems (at most
// 100 a page) and the optional FileSystemId / CreationToken filters. Tags come inline on every
// description, so a lister needs no per-file-system tag call.
import type { IncomingSigned } from "../auth/sigv4";
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "./common";

/** EFS pages at 100 descriptions, whatever MaxItems asks above that. */
const PAGE_LIMIT = 100;
const FILE_SYSTEM_REF =
  /^(arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:file-system\/fs-[0-9a-f]{8,40}|fs-[0-9a-f]{8,40})$/;

const badRequest = (message: string) => new AwsError("BadRequest", message, 400);

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function routeEfs(
  request: IncomingSigned,
): { name: string; input: Record<string, unknown> } | undefined {
  if (request.method !== "GET") return undefined;
  const path = request.path.replace(/\/+$/, "");
  if (path !== "/2015-02-01/file-systems") return undefined;
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.query)) input[key] = first(value);
  return { name: "DescribeFileSystems", input };
}

function description(r: Resource) {
  const bytes = attr(r, "SizeInBytes", 6144);
  return {
    OwnerId: r.account_id,
    CreationToken: attr(r, "CreationToken", `console-${r.id}`),
    FileSystemId: r.id,
    FileSystemArn: r.arn,
    CreationTime: epochSeconds(createdAt(r)),
    LifeCycleState: r.state ?? "available",
    ...(r.tags.Name !== undefined ? { Name: r.tags.Name } : {}),
    NumberOfMountTargets: attr(r, "NumberOfMountTargets", 0),
    SizeInBytes: { Value: bytes, ValueInIA: 0, ValueInStandard: bytes, ValueInArchive: 0 },
    PerformanceMode: attr(r, "PerformanceMode", "generalPurpose"),
    Encrypted: attr(r, "Encrypted", true),
    ThroughputMode: attr(r, "ThroughputMode", "bursting"),
    Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
    FileSystemProtection: { ReplicationOverwriteProtection: "ENABLED" },
  };
}

function maxItems(input: OpInput): number {
  const raw = input.MaxItems;
  if (raw === undefined || raw === null || raw === "") return PAGE_LIMIT;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw badRequest(
      `1 validation error detected: Value '${String(raw)}' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1`,
    );
  return Math.min(value, PAGE_LIMIT);
}

function describeFileSystems(ctx: OpContext, input: OpInput) {
  const size = maxItems(input);
  const id = optionalString(input, "FileSystemId");
  const token = optionalString(input, "CreationToken");
  if (id !== undefined && token !== undefined)
    throw badRequest("You can specify either a FileSystemId or a CreationToken, but not both.");
  let fileSystems = regional(ctx, "elasticfilesystem:file-system");
  if (id !== undefined) {
    if (!FILE_SYSTEM_REF.test(id))
      throw badRequest(
        `1 validation error detected: Value '${id}' at 'fileSystemId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FILE_SYSTEM_REF.source}`,
      );
    if (id.startsWith("arn:") && arnAccount(id) !== ctx.account.id)
      throw crossAccountDenied(ctx, "elasticfilesystem:DescribeFileSystems", id);
    fileSystems = fileSystems.filter((r) => r.id === id || r.arn === id);
    if (!fileSystems.length)
      throw new AwsError("FileSystemNotFound", `File system '${id}' does not exist.`, 404);
  }
  if (token !== undefined) fileSystems = fileSystems.filter((r) => description(r).CreationToken === token);
  const marker = optionalString(input, "Marker");
  const scope = pageScope(ctx, "DescribeFileSystems", input, ["Marker", "MaxItems"]);
  const result = page(fileSystems, { token: marker, size, scope, code: "BadRequest", param: "Marker" });
  return {
    FileSystems: result.items.map(description),
    ...(marker ? { Marker: marker } : {}),
    ...(result.next ? { NextMarker: result.next } : {}),
  };
}

export const efs: OperationTable = {
  DescribeFileSystems: { action: "elasticfilesystem:DescribeFileSystems", handle: describeFileSystems },
};
