// Cognito identity pools (JSON 1.1, AWSCognitoIdentityService): ListIdentityPools (MaxResults 1-60
// required, NextToken; id and name only) and DescribeIdentityPool, whose flat answer carries the
// pool's IdentityPoolTags as a map. Pool ids are "<region>:<uuid>"; neither answer has an ARN or a
// creation time.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { idField, maxResults } from "./cognito-shared";
import { attr, optionalString, pageScope, regional } from "./common";

const POOL = "cognito-identity:identitypool";
const POOL_ID = /^[\w-]+:[0-9a-f-]+$/;
const nameOf = (r: { id: string; attributes: Record<string, unknown> }) =>
  String(r.attributes.IdentityPoolName ?? r.id.split(":")[1] ?? r.id);

function listIdentityPools(ctx: OpContext, input: OpInput) {
  const size = maxResults(input);
  const scope = pageScope(ctx, "ListIdentityPools", input, ["NextToken", "MaxResults"]);
  const result = page(regional(ctx, POOL), {
    token: optionalString(input, "NextToken"),
    size,
    scope,
    code: "InvalidParameterException",
    param: "NextToken",
  });
  return {
    IdentityPools: result.items.map((r) => ({ IdentityPoolId: r.id, IdentityPoolName: nameOf(r) })),
    ...(result.next ? { NextToken: result.next } : {}),
  };
}

function describeIdentityPool(ctx: OpContext, input: OpInput) {
  const id = idField(input, "IdentityPoolId", "identityPoolId", POOL_ID);
  const found = regional(ctx, POOL).find((r) => r.id === id);
  if (!found) throw new AwsError("ResourceNotFoundException", `IdentityPool '${id}' not found.`);
  return {
    IdentityPoolId: found.id,
    IdentityPoolName: nameOf(found),
    AllowUnauthenticatedIdentities: attr(found, "AllowUnauthenticatedIdentities", false),
    AllowClassicFlow: attr(found, "AllowClassicFlow", false),
    IdentityPoolTags: { ...found.tags },
  };
}

export const cognitoIdentity: OperationTable = {
  ListIdentityPools: { action: "cognito-identity:ListIdentityPools", handle: listIdentityPools },
  DescribeIdentityPool: { action: "cognito-identity:DescribeIdentityPool", handle: describeIdentityPool },
};
