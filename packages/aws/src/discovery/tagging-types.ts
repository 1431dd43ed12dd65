// Between catalog types and the Tagging API: which ResourceTypeFilters to send for them, and which
// catalog type a returned ARN is.
import { parseArn } from "@tagc/core";

/** GetResources accepts at most 100 type filters per call. */
export const MAX_TYPE_FILTERS = 100;

/**
 * Where the Tagging API's name differs from the catalog's. A service-wide filter ("s3") is used
 * where the API has no finer one or spells it in a way we cannot rely on; the ARN check below
 * drops whatever else such a filter returns.
 */
const FILTER_OVERRIDES: Readonly<Record<string, string>> = {
  "s3:bucket": "s3",
  "opensearch:domain": "es:domain",
  "emr:cluster": "elasticmapreduce:cluster",
  "stepfunctions:statemachine": "states",
  "apigateway:restapi": "apigateway",
  "codepipeline:pipeline": "codepipeline",
};

/** ARN services whose catalog prefix is another word. */
const CATALOG_PREFIX: Readonly<Record<string, string>> = {
  es: "opensearch",
  elasticmapreduce: "emr",
  states: "stepfunctions",
};

/** The distinct filters for `types`, in chunks the API accepts. */
export function typeFilterChunks(types: readonly string[]): string[][] {
  const filters = [...new Set(types.map((type) => FILTER_OVERRIDES[type] ?? type))];
  const chunks: string[][] = [];
  for (let i = 0; i < filters.length; i += MAX_TYPE_FILTERS)
    chunks.push(filters.slice(i, i + MAX_TYPE_FILTERS));
  return chunks;
}

export interface ClassifiedArn {
  type: string;
  id: string;
  region: string;
  account: string;
}

/**
 * The catalog type and id of an ARN, when it is one of `wanted`. Core's rules know how AWS writes
 * each type; an ARN they do not place ("<service>:...:<kind>/<id>" where AWS would write a colon)
 * is still accepted when its service and first resource segment name a wanted type.
 */
export function classifyArn(arn: string, wanted: ReadonlySet<string>): ClassifiedArn | undefined {
  const parsed = parseArn(arn);
  if (!parsed.ok) return undefined;
  const { service, region, account, resource, resourceType, resourceId } = parsed.arn;
  if (resourceType)
    return wanted.has(resourceType) ? { type: resourceType, id: resourceId, region, account } : undefined;
  const match = /^([^/:]+)[/:](.+)$/.exec(resource);
  if (!match) return undefined;
  const [, kind = "", id = ""] = match;
  const type = `${CATALOG_PREFIX[service] ?? service}:${kind.toLowerCase()}`;
  return wanted.has(type) ? { type, id, region, account } : undefined;
}
