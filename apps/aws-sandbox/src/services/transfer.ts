// AWS Transfer Family (JSON 1.1, TransferService): ListServers (MaxResults 1-1000, NextToken; no
// tags) and ListTagsForResource (Arn, MaxResults 1-1000, NextToken; echoes the Arn), for the
// caller's servers in the signed region. Server ids are s- and 17 hex digits, ARNs server/<id>. The
// reference names no default page size: 1000 here. moto 5.2 lists servers the same way (ignoring
// MaxResults) and does not implement ListTagsForResource.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { arnAccount, attr, crossAccountDenied, optionalString, pageScope, regional } from "./common";

const SERVER = "transfer:server";

function maxResults(input: OpInput): number {
  const raw = input.MaxResults;
  if (raw === undefined || raw === null) return 1000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    const bound = value < 1 ? "greater than or equal to 1" : "less than or equal to 1000";
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

const listed = (r: Resource) => ({
  Arn: r.arn,
  Domain: attr(r, "Domain", "S3"),
  EndpointType: attr(r, "EndpointType", "PUBLIC"),
  IdentityProviderType: attr(r, "IdentityProviderType", "SERVICE_MANAGED"),
  ServerId: r.id,
  State: r.state ?? "ONLINE",
  UserCount: attr(r, "UserCount", 0),
});

function listServers(ctx: OpContext, input: OpInput) {
  const size = maxResults(input);
  const scope = pageScope(ctx, "ListServers", input, ["NextToken", "MaxResults"]);
  const token = optionalString(input, "NextToken");
  const result = page(regional(ctx, SERVER), {
    token,
    size,
    scope,
    code: "InvalidNextTokenException",
    param: "NextToken",
  });
  return { Servers: result.items.map(listed), ...(result.next ? { NextToken: result.next } : {}) };
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "Arn") ?? "";
  if (!/^arn:\S+$/.test(arn) || arn.length < 20)
    throw new AwsError("InvalidRequestException", `Invalid Arn: ${arn}`);
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "transfer:ListTagsForResource", arn);
  const server = regional(ctx, SERVER).find((r) => r.arn === arn);
  if (!server) throw new AwsError("ResourceNotFoundException", `Unknown server: ${arn}`);
  const size = maxResults(input);
  const keys = Object.keys(server.tags).sort();
  const scope = pageScope(ctx, "ListTagsForResource", input, ["NextToken", "MaxResults"]);
  const token = optionalString(input, "NextToken");
  const result = page(keys, { token, size, scope, code: "InvalidNextTokenException", param: "NextToken" });
  return {
    Arn: arn,
    Tags: result.items.map((Key) => ({ Key, Value: server.tags[Key] ?? "" })),
    ...(result.next ? { NextToken: result.next } : {}),
  };
}

export const transfer: OperationTable = {
  ListServers: { action: "transfer:ListServers", handle: listServers },
  ListTagsForResource: { action: "transfer:ListTagsForResource", handle: listTagsForResource },
};
