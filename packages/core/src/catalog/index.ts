// The resource-type catalog (a copy of shared/fixtures/resource_types.json), exposed as typed data.
// Kept as data rather than code so that the catalog can be refreshed from the fixture without edits.
import raw from "./resource_types.json" with { type: "json" };

type Groups = Record<string, string[] | string>;

function flatten(groups: Groups): string[] {
  return Object.entries(groups)
    .filter(([key, value]) => !key.startsWith("_") && Array.isArray(value))
    .flatMap(([, value]) => value as string[]);
}

/** Types that generate cost directly: the only ones a scan accepts. */
export const COST_GENERATING_TYPES: readonly string[] = Object.freeze(
  flatten(raw.cost_generating_resources as Groups),
);
/** Taggable but free types: rejected by scans with a message saying they are free. */
export const FREE_TYPES: readonly string[] = Object.freeze(flatten(raw.free_resources as Groups));
/** Cost Explorer services whose spend has no taggable resource (tax, support, data transfer...). */
export const UNATTRIBUTABLE_SERVICES: readonly string[] = Object.freeze(
  flatten(raw.unattributable_services as Groups),
);

/**
 * Cost-generating types AWS cannot tag (glue:table), with the reason shown to the user. They are
 * listed and counted but never judged: no violation, not in the score, their spend unattributable
 * by tags. Discovery never sends them as Tagging API filters (an unsupported filter fails the walk).
 */
const notTaggable: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries(raw.not_taggable_resources as Groups).filter(
      (entry): entry is [string, string] => !entry[0].startsWith("_") && typeof entry[1] === "string",
    ),
  ),
);
export const NOT_TAGGABLE_TYPES: readonly string[] = Object.freeze(Object.keys(notTaggable));

const serviceNames: Record<string, string> = Object.fromEntries(
  Object.entries(raw.service_name_mapping).filter(([key]) => !key.startsWith("_")),
);

const costGenerating = new Set(COST_GENERATING_TYPES);
const free = new Set(FREE_TYPES);
const unattributable = new Set(UNATTRIBUTABLE_SERVICES);

/** Category of each cost-generating type ("compute", "storage", ...). */
export const TYPE_CATEGORY: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.entries(raw.cost_generating_resources as Groups)
      .filter(([key, value]) => !key.startsWith("_") && Array.isArray(value))
      .flatMap(([category, types]) => (types as string[]).map((type) => [type, category])),
  ),
);

/** Global types are scanned once and labelled region "global", never once per region. */
export const GLOBAL_TYPES: readonly string[] = Object.freeze([
  "s3:bucket",
  "cloudfront:distribution",
  "route53:hostedzone",
]);
const globalTypes = new Set(GLOBAL_TYPES);

export const isCostGeneratingType = (type: string): boolean => costGenerating.has(type);
export const isFreeType = (type: string): boolean => free.has(type);
export const isKnownType = (type: string): boolean => costGenerating.has(type) || free.has(type);
export const isGlobalType = (type: string): boolean => globalTypes.has(type);
export const isTaggableType = (type: string): boolean => !Object.hasOwn(notTaggable, type);
/** Why AWS cannot tag a type; undefined for a taggable one. */
export const notTaggableReason = (type: string): string | undefined =>
  Object.hasOwn(notTaggable, type) ? notTaggable[type] : undefined;
export const isUnattributableService = (service: string): boolean => unattributable.has(service);

/** Cost Explorer service name for a type; "" for free types, undefined for unknown types. */
export const costExplorerServiceFor = (type: string): string | undefined => serviceNames[type];

/** Every cost-generating type of one AWS service prefix ("ec2" -> ec2:instance, ec2:volume, ...). */
export const typesOfService = (service: string): string[] =>
  COST_GENERATING_TYPES.filter((type) => type.split(":")[0] === service);

/** Every distinct Cost Explorer service name of the cost-generating types. */
export const COST_EXPLORER_SERVICES: readonly string[] = Object.freeze([
  ...new Set(
    COST_GENERATING_TYPES.map((type) => serviceNames[type]).filter((name): name is string => !!name),
  ),
]);
