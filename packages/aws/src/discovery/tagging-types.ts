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

const filterOf = (type: string) => FILTER_OVERRIDES[type] ?? type;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The distinct filters for `types`, in chunks the API accepts. */
export function typeFilterChunks(types: readonly string[]): string[][] {
  return chunked([...new Set(types.map(filterOf))], MAX_TYPE_FILTERS);
}

/** One Tagging walk: its filters, and the requested types whose resources only it returns. */
export interface TypeWalk {
  filters: string[];
  types: string[];
}

/** The ARN service whose filters get a walk of their own (see typeWalks). */
const OWN_WALK_SERVICE = "ec2";

/**
 * The walks that cover `types`, side by side, each at most 100 filters: EC2's filters; the filters
 * of services with a type in `early`, whose listers call AWS once per resource the walk did not
 * return and so wait for its end; and every other filter. A walk's pages come one after another,
 * so walks side by side shorten the chain, and none is longer than one walk over all the filters.
 * EC2 gets its own because its kinds (instances, volumes, snapshots) are the bulk of most accounts
 * and no lister waits for them (EC2's Describe calls carry the tags); the `early` walk is short, so
 * those per-resource calls run while the others still page instead of all at the end.
 * ResourceTypeFilters match a resource when any of them does, and a service's filters all go in one
 * walk, so no resource matches filters of two walks: together they return exactly what one walk did.
 */
export function typeWalks(types: readonly string[], early: ReadonlySet<string> = new Set()): TypeWalk[] {
  const typesOf = new Map<string, string[]>();
  for (const type of new Set(types))
    typesOf.set(filterOf(type), [...(typesOf.get(filterOf(type)) ?? []), type]);
  const serviceOf = (filter: string) => filter.split(":")[0] ?? filter;
  const earlyServices = new Set([...early].map((type) => serviceOf(filterOf(type))));
  const part = (filter: string) =>
    serviceOf(filter) === OWN_WALK_SERVICE ? 0 : earlyServices.has(serviceOf(filter)) ? 1 : 2;
  const filters = [...typesOf.keys()];
  return [0, 1, 2]
    .flatMap((n) =>
      chunked(
        filters.filter((filter) => part(filter) === n),
        MAX_TYPE_FILTERS,
      ),
    )
    .map((chunk) => ({ filters: chunk, types: chunk.flatMap((filter) => typesOf.get(filter) ?? []) }));
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
