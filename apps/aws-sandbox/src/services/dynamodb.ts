// DynamoDB (JSON 1.0): ListTables (ExclusiveStartTableName/Limit), DescribeTable and
// ListTagsOfResource, for the caller's tables in the signed region.
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
  stableHex,
} from "./common";

const validation = (message: string) => new AwsError("ValidationException", message);
const TABLE_ARN = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]{3,255}$/;

/**
 * AWS does not document how many tags a ListTagsOfResource page holds; a small page makes a caller
 * that ignores NextToken lose tags visibly here instead of silently in production.
 */
export const TAGS_PAGE = 10;

function limit(input: OpInput): number {
  const raw = input.Limit;
  if (raw === undefined || raw === null) return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    const bound = value < 1 ? "greater than or equal to 1" : "less than or equal to 100";
    throw validation(
      `1 validation error detected: Value '${String(raw)}' at 'limit' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

function listTables(ctx: OpContext, input: OpInput) {
  const size = limit(input);
  const start = optionalString(input, "ExclusiveStartTableName");
  // Names sort like the service lists them; the start name need not exist (it is only a bound).
  const names = regional(ctx, "dynamodb:table").map((r) => r.id);
  const rest = start === undefined ? names : names.filter((n) => n > start);
  const items = rest.slice(0, size);
  const more = rest.length > size;
  return { TableNames: items, ...(more ? { LastEvaluatedTableName: items[items.length - 1] } : {}) };
}

/** A table by name or ARN; another account's ARN is denied, an unknown one is not found. */
function findTable(ctx: OpContext, ref: string, action: string, notFound: () => AwsError): Resource {
  if (ref.startsWith("arn:")) {
    if (!TABLE_ARN.test(ref)) throw validation(`Invalid TableArn: ${ref}`);
    if (arnAccount(ref) !== ctx.account.id) throw crossAccountDenied(ctx, action, ref);
  }
  const table = regional(ctx, "dynamodb:table").find((r) => r.id === ref || r.arn === ref);
  if (!table) throw notFound();
  return table;
}

function tableDescription(r: Resource) {
  const key = attr(r, "PartitionKey", "id");
  return {
    AttributeDefinitions: [{ AttributeName: key, AttributeType: "S" }],
    TableName: r.id,
    KeySchema: [{ AttributeName: key, KeyType: "HASH" }],
    TableStatus: r.state ?? "ACTIVE",
    CreationDateTime: epochSeconds(createdAt(r)),
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    TableSizeBytes: attr(r, "TableSizeBytes", 0),
    ItemCount: attr(r, "ItemCount", 0),
    TableArn: r.arn,
    TableId: stableHex(r.arn, 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-"),
    BillingModeSummary: { BillingMode: attr(r, "BillingMode", "PAY_PER_REQUEST") },
    DeletionProtectionEnabled: false,
  };
}

export const dynamodb: OperationTable = {
  ListTables: { action: "dynamodb:ListTables", handle: listTables },
  DescribeTable: {
    action: "dynamodb:DescribeTable",
    handle: (ctx, input) => {
      const name = optionalString(input, "TableName");
      if (!name)
        throw validation(
          "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
        );
      const table = findTable(
        ctx,
        name,
        "dynamodb:DescribeTable",
        () =>
          new AwsError("ResourceNotFoundException", `Requested resource not found: Table: ${name} not found`),
      );
      return { Table: tableDescription(table) };
    },
  },
  ListTagsOfResource: {
    action: "dynamodb:ListTagsOfResource",
    handle: (ctx, input) => {
      const arn = optionalString(input, "ResourceArn");
      if (!arn)
        throw validation(
          "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
        );
      if (!arn.startsWith("arn:")) throw validation(`Invalid TableArn: ${arn}`);
      // "ResourcArn" is how DynamoDB spells it in this message.
      const table = findTable(
        ctx,
        arn,
        "dynamodb:ListTagsOfResource",
        () =>
          new AwsError(
            "ResourceNotFoundException",
            `Requested resource not found: ResourcArn: ${arn} not found`,
          ),
      );
      const tags = Object.entries(table.tags).map(([Key, Value]) => ({ Key, Value }));
      const scope = pageScope(ctx, "ListTagsOfResource", input, ["NextToken"]);
      const result = page(tags, {
        token: optionalString(input, "NextToken"),
        size: TAGS_PAGE,
        scope,
        code: "ValidationException",
        param: "NextToken",
      });
      return { Tags: result.items, ...(result.next ? { NextToken: result.next } : {}) };
    },
  },
};
