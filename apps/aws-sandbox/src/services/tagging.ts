// Resource Groups Tagging API. Like AWS, it only knows resources that carry at least one tag, and
// only those in the caller's account and the region the request was signed for.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { intParam } from "../protocol/params";
import type { Resource } from "../world/world";

const invalid = (message: string) => new AwsError("InvalidParameterException", message);
const TYPE_FILTER = /^[a-z0-9-]+(:[a-z0-9-]+)?$/;

function arrayOf<T>(input: OpInput, name: string, check: (value: unknown) => value is T, max: number): T[] {
  const value = input[name];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(check)) throw invalid(`${name} is not valid.`);
  if (value.length > max) throw invalid(`${name} can contain at most ${max} items.`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string";
interface TagFilter {
  Key: string;
  Values?: string[];
}
const isTagFilter = (v: unknown): v is TagFilter =>
  !!v &&
  typeof v === "object" &&
  isString((v as TagFilter).Key) &&
  ((v as TagFilter).Values ?? []).every(isString);

/**
 * Global resources of these services (no region in their ARN) are answered by calls signed for
 * us-east-1 alone, wherever a seed placed them.
 */
const ANSWERED_IN_US_EAST_1 = new Set(["cloudfront:distribution", "route53:hostedzone"]);

const inSignedRegion = (ctx: OpContext, r: Resource) =>
  ANSWERED_IN_US_EAST_1.has(r.type) ? ctx.region === "us-east-1" : r.region === ctx.region;

const tagged = (ctx: OpContext): Resource[] =>
  ctx.account.resources.filter((r) => inSignedRegion(ctx, r) && Object.keys(r.tags).length > 0);

/**
 * A ResourceTypeFilter names the ARN's service, optionally with its resource kind ("es:domain",
 * "states"), as AWS matches it; the catalog type is accepted too where the two spell it alike.
 * These are the spellings a filter may use for `r`, the last one lower-cased (it matches in any case).
 */
type TypeNames = readonly [type: string, service: string, arnService: string, kind: string];

function typeNames(r: Resource): TypeNames {
  const [, , service = "", , , resource = ""] = r.arn.split(":");
  const kind = /^[^/:]+/.exec(resource)?.[0] ?? "";
  return [r.type, r.type.split(":")[0] ?? "", service, `${service}:${kind}`.toLowerCase()];
}

// Every page of a walk filters the whole account again: a 50,000-resource account walked 100 at a
// time would split each ARN hundreds of times. Keyed by the resource and checked against its current
// type and ARN, so a test that edits a resource in place still sees it matched afresh.
const namesOf = new WeakMap<Resource, { type: string; arn: string; names: TypeNames }>();

function matchesAnyType(filters: ReadonlySet<string>, lowered: ReadonlySet<string>, r: Resource): boolean {
  let entry = namesOf.get(r);
  if (!entry || entry.type !== r.type || entry.arn !== r.arn) {
    entry = { type: r.type, arn: r.arn, names: typeNames(r) };
    namesOf.set(r, entry);
  }
  const [type, service, arnService, kind] = entry.names;
  return filters.has(type) || filters.has(service) || filters.has(arnService) || lowered.has(kind);
}

const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

function getResources(ctx: OpContext, input: OpInput) {
  const types = arrayOf(input, "ResourceTypeFilters", isString, 100);
  for (const type of types) if (!TYPE_FILTER.test(type)) throw invalid(`Unsupported resource type: ${type}`);
  const tagFilters = arrayOf(input, "TagFilters", isTagFilter, 50);
  const arns = arrayOf(input, "ResourceARNList", isString, 100);
  if (arns.length && tagFilters.length)
    throw invalid("ResourceARNList and TagFilters cannot be used together.");
  const size =
    intParam(input, "ResourcesPerPage", { min: 1, max: 100, code: "InvalidParameterException" }) ?? 100;

  const arnSet = new Set(arns);
  const filters = new Set(types);
  const lowered = new Set(types.map((t) => t.toLowerCase()));
  const matches = tagged(ctx)
    .filter((r) => !types.length || matchesAnyType(filters, lowered, r))
    .filter((r) => !arnSet.size || arnSet.has(r.arn))
    .filter((r) =>
      tagFilters.every(
        (f) => f.Key in r.tags && (!f.Values?.length || f.Values.includes(r.tags[f.Key] ?? "")),
      ),
    )
    .sort((a, b) => (a.arn < b.arn ? -1 : 1));

  const scope = JSON.stringify([ctx.account.id, ctx.region, types, tagFilters, arns]);
  const token = typeof input.PaginationToken === "string" ? input.PaginationToken : undefined;
  const result = page(matches, {
    token,
    size,
    scope,
    code: "InvalidParameterException",
    param: "PaginationToken",
  });
  return {
    // AWS ends a walk with an empty token, not a missing one.
    PaginationToken: result.next ?? "",
    ResourceTagMappingList: result.items.map((r) => ({ ResourceARN: r.arn, Tags: tagList(r.tags) })),
  };
}

function pageOfStrings(ctx: OpContext, input: OpInput, values: string[], field: string, scopeExtra: string) {
  const token = typeof input.PaginationToken === "string" ? input.PaginationToken : undefined;
  const scope = JSON.stringify([ctx.account.id, ctx.region, field, scopeExtra]);
  const result = page(values, {
    token,
    size: 100,
    scope,
    code: "InvalidParameterException",
    param: "PaginationToken",
  });
  return { PaginationToken: result.next ?? "", [field]: result.items };
}

export const tagging: OperationTable = {
  GetResources: { action: "tag:GetResources", handle: getResources },
  GetTagKeys: {
    action: "tag:GetTagKeys",
    handle: (ctx, input) => {
      const keys = [...new Set(tagged(ctx).flatMap((r) => Object.keys(r.tags)))].sort();
      return pageOfStrings(ctx, input, keys, "TagKeys", "");
    },
  },
  GetTagValues: {
    action: "tag:GetTagValues",
    handle: (ctx, input) => {
      const key = input.Key;
      if (typeof key !== "string" || !key) throw invalid("Key is required.");
      const values = [
        ...new Set(tagged(ctx).flatMap((r) => (key in r.tags ? [r.tags[key] ?? ""] : []))),
      ].sort();
      return pageOfStrings(ctx, input, values, "TagValues", key);
    },
  },
};
