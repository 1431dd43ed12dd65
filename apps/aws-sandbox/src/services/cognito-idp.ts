// Cognito user pools (JSON 1.1, AWSCognitoIdentityProviderService): ListUserPools (MaxResults
// 1-60 required, NextToken; descriptions without tags or ARN) and DescribeUserPool, whose answer
// carries the pool's ARN and its UserPoolTags as a map. Pool ids are "<region>_<suffix>"; a pool is
// deleted at once, so no listing shows a deleting one.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { idField, maxResults } from "./cognito-shared";
import { attr, createdAt, epochSeconds, optionalString, pageScope, regional } from "./common";

const POOL = "cognito-idp:userpool";
const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

function listUserPools(ctx: OpContext, input: OpInput) {
  const size = maxResults(input);
  const scope = pageScope(ctx, "ListUserPools", input, ["NextToken", "MaxResults"]);
  const result = page(regional(ctx, POOL), {
    token: optionalString(input, "NextToken"),
    size,
    scope,
    code: "InvalidParameterException",
    param: "NextToken",
  });
  return {
    UserPools: result.items.map((r) => ({
      Id: r.id,
      Name: attr(r, "Name", r.id),
      LambdaConfig: {},
      LastModifiedDate: epochSeconds(attr(r, "LastModifiedDate", createdAt(r))),
      CreationDate: epochSeconds(createdAt(r)),
    })),
    ...(result.next ? { NextToken: result.next } : {}),
  };
}

const pool = (r: Resource) => ({
  Id: r.id,
  Name: attr(r, "Name", r.id),
  Arn: r.arn,
  CreationDate: epochSeconds(createdAt(r)),
  LastModifiedDate: epochSeconds(attr(r, "LastModifiedDate", createdAt(r))),
  LambdaConfig: {},
  MfaConfiguration: attr(r, "MfaConfiguration", "OFF"),
  DeletionProtection: attr(r, "DeletionProtection", "INACTIVE"),
  EstimatedNumberOfUsers: attr(r, "EstimatedNumberOfUsers", 0),
  UserPoolTags: { ...r.tags },
});

function describeUserPool(ctx: OpContext, input: OpInput) {
  const id = idField(input, "UserPoolId", "userPoolId", POOL_ID);
  const found = regional(ctx, POOL).find((r) => r.id === id);
  if (!found) throw new AwsError("ResourceNotFoundException", `User pool ${id} does not exist.`);
  return { UserPool: pool(found) };
}

export const cognitoIdp: OperationTable = {
  ListUserPools: { action: "cognito-idp:ListUserPools", handle: listUserPools },
  DescribeUserPool: { action: "cognito-idp:DescribeUserPool", handle: describeUserPool },
};
