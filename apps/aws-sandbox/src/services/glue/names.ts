// Glue's List* operations (ListJobs, ListCrawlers, ...) share one shape: names only, MaxResults
// 1-1000, NextToken, and an optional Tags map that keeps only resources carrying every pair. AWS
// documents no default page size (100 here); moto 5.2 does not reject MaxResults over 1000.
import { AwsError } from "../../errors";
import type { OpContext, OpInput } from "../../protocol/operation";
import { page } from "../../protocol/paginate";
import { optionalString, pageScope, regional } from "../common";

export const invalidInput = (message: string) => new AwsError("InvalidInputException", message);

function pageSize(input: OpInput): number {
  const raw = input.MaxResults;
  if (raw === undefined || raw === null) return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000)
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${value < 1 ? "greater than or equal to 1" : "less than or equal to 1000"}`,
    );
  return value;
}

function tagFilter(input: OpInput): Record<string, string> {
  const raw = input.Tags;
  if (raw === undefined || raw === null) return {};
  if (
    typeof raw !== "object" ||
    Array.isArray(raw) ||
    !Object.values(raw).every((v) => typeof v === "string")
  )
    throw invalidInput("Tags is not a map of strings.");
  return raw as Record<string, string>;
}

/** One page of the caller's names of `type` in the signed region, under `field`. */
export function listNames(ctx: OpContext, input: OpInput, operation: string, type: string, field: string) {
  const size = pageSize(input);
  const wanted = Object.entries(tagFilter(input));
  const names = regional(ctx, type)
    .filter((r) => wanted.every(([key, value]) => r.tags[key] === value))
    .map((r) => r.id);
  const scope = pageScope(ctx, operation, input, ["NextToken", "MaxResults"]);
  // AWS answers a token it did not issue with InvalidInputException (moto says InvalidToken).
  const result = page(names, {
    token: optionalString(input, "NextToken"),
    size,
    scope,
    code: "InvalidInputException",
    param: "NextToken",
  });
  return { [field]: result.items, ...(result.next ? { NextToken: result.next } : {}) };
}
