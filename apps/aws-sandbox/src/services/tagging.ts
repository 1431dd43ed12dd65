// Resource Groups Tagging API. Like AWS, it only knows resources that carry at least one tag, and
// only those in the caller's account and the region the request was signed for.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { intParam } from "../protocol/params";
import type { Account, Resource } from "../world/world";

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

function matchesAnyType(filters: ReadonlySet<string>, lowered: ReadonlySet<string>, r: Resource): boolean {
  const [type, service, arnService, kind] = typeNames(r);
  return filters.has(type) || filters.has(service) || filters.has(arnService) || lowered.has(kind);
}

/**
 * What a walk matched on its first page, by the token that continues it: a walk reads a snapshot,
 * taken once, instead of filtering and sorting the whole account again for every page (which made a
 * 50,000-resource walk, 100 a page, quadratic). Tags are read live; only which resources the walk
 * holds is fixed when it starts. Kept per account object, so two sandboxes in one process never
 * share one; a retried page reads the same snapshot; the oldest tokens fall out first.
 */
const walks = new WeakMap<Account, Map<string, Resource[]>>();
const MAX_OPEN_WALKS = 2000;

function openWalks(account: Account): Map<string, Resource[]> {
  let open = walks.get(account);
  if (!open) {
    open = new Map();
    walks.set(account, open);
  }
  return open;
}

function remember(open: Map<string, Resource[]>, token: string, matches: Resource[]): void {
  open.set(token, matches);
  while (open.size > MAX_OPEN_WALKS) {
    const oldest = open.keys().next();
    if (oldest.done) break;
    open.delete(oldest.value);
  }
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

  const scope = JSON.stringify([ctx.account.id, ctx.region, types, tagFilters, arns]);
  const token = typeof input.PaginationToken === "string" ? input.PaginationToken : undefined;
  // The token is checked against the scope either way (page() refuses another query's token).
  const open = openWalks(ctx.account);
  const snapshot = token === undefined ? undefined : open.get(`${scope}\u0000${token}`);
  const matches = snapshot ?? match(ctx, types, tagFilters, arns);
  const result = page(matches, {
    token,
    size,
    scope,
    code: "InvalidParameterException",
    param: "PaginationToken",
  });
  if (result.next) remember(open, `${scope}\u0000${result.next}`, matches);
  return {
    // AWS ends a walk with an empty token, not a missing one.
    PaginationToken: result.next ?? "",
    ResourceTagMappingList: result.items.map((r) => ({ ResourceARN: r.arn, Tags: tagList(r.tags) })),
  };
}

function match(ctx: OpContext, types: string[], tagFilters: TagFilter[], arns: string[]): Resource[] {
  const arnSet = new Set(arns);
  const filters = new Set(types);
  const lowered = new Set(types.map((t) => t.toLowerCase()));
  return tagged(ctx)
    .filter((r) => !types.length || matchesAnyType(filters, lowered, r))
    .filter((r) => !arnSet.size || arnSet.has(r.arn))
    .filter((r) =>
      tagFilters.every(
        (f) => f.Key in r.tags && (!f.Values?.length || f.Values.includes(r.tags[f.Key] ?? "")),
      ),
    )
    .sort((a, b) => (a.arn < b.arn ? -1 : 1));
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
