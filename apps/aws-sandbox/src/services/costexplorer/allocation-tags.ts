// ce:ListCostAllocationTags (JSON 1.1, like GetCostAndUsage): the account's tag keys and whether each
// is activated for cost allocation. Every input is an optional filter (API Reference,
// ListCostAllocationTags): Status Active | Inactive, Type AWSGenerated | UserDefined, TagKeys 1..100,
// MaxResults 1..1000 (default 100), NextToken.
import type { OpContext, OpInput } from "../../protocol/operation";
import { page } from "../../protocol/paginate";
import type { CostAllocationTagSeed } from "../../seed/schema";
import { optionalString, pageScope } from "../common";
import { validation } from "./request";

const STATUSES = ["Active", "Inactive"];
const TYPES = ["AWSGenerated", "UserDefined"];
const DEFAULT_PAGE = 100;

function oneOf(input: OpInput, name: string, values: string[]): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !values.includes(value)) {
    throw validation(
      `1 validation error detected: Value '${String(value)}' at '${name.toLowerCase()}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(", ")}]`,
    );
  }
  return value;
}

function tagKeys(input: OpInput): Set<string> | undefined {
  const value = input.TagKeys;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((k) => typeof k === "string")) {
    throw validation("TagKeys must be a list of strings.");
  }
  if (value.length < 1 || value.length > 100) {
    throw validation(
      `1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length between 1 and 100`,
    );
  }
  return new Set(value as string[]);
}

function maxResults(input: OpInput): number {
  const value = input.MaxResults;
  if (value === undefined || value === null) return DEFAULT_PAGE;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 1000) {
    throw validation(
      `1 validation error detected: Value '${String(value)}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  }
  return value;
}

const render = (tag: CostAllocationTagSeed) => ({
  TagKey: tag.key,
  Type: tag.type,
  Status: tag.status,
  ...(tag.last_updated ? { LastUpdatedDate: tag.last_updated } : {}),
  ...(tag.last_used ? { LastUsedDate: tag.last_used } : {}),
});

export function listCostAllocationTags(ctx: OpContext, input: OpInput) {
  const status = oneOf(input, "Status", STATUSES);
  const type = oneOf(input, "Type", TYPES);
  const keys = tagKeys(input);
  const size = maxResults(input);
  const tags = ctx.account.costAllocationTags
    .filter((tag) => (!status || tag.status === status) && (!type || tag.type === type))
    .filter((tag) => !keys || keys.has(tag.key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const result = page(tags, {
    token: optionalString(input, "NextToken"),
    size,
    scope: pageScope(ctx, "ListCostAllocationTags", input, ["NextToken", "MaxResults"]),
    code: "InvalidNextTokenException",
    param: "NextToken",
  });
  return {
    CostAllocationTags: result.items.map(render),
    ...(result.next ? { NextToken: result.next } : {}),
  };
}
