// AWS Organizations tag policies name resource types the way the Resource Groups Tagging API does
// ("es:domain", "states:stateMachine"); the catalog sometimes uses the product's names instead
// ("opensearch:domain", "stepfunctions:statemachine"). This file translates both ways.
import { isCostGeneratingType, isFreeType, typesOfService } from "../catalog";

/** AWS service prefix -> catalog service prefix, where they differ. */
const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  es: "opensearch",
  elasticmapreduce: "emr",
  states: "stepfunctions",
};

/** AWS resource type (lower-cased) -> catalog type, where they differ. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  "es:domain": "opensearch:domain",
  "elasticmapreduce:cluster": "emr:cluster",
  "states:statemachine": "stepfunctions:statemachine",
  "apigateway:restapis": "apigateway:restapi",
  "elasticloadbalancing:loadbalancer/app": "elasticloadbalancing:loadbalancer",
  "elasticloadbalancing:loadbalancer/net": "elasticloadbalancing:loadbalancer",
};

/** Catalog type -> the name AWS uses in a tag policy's enforced_for, where they differ. */
const AWS_NAMES: Readonly<Record<string, string>> = {
  "opensearch:domain": "es:domain",
  "emr:cluster": "elasticmapreduce:cluster",
  "stepfunctions:statemachine": "states:stateMachine",
  "apigateway:restapi": "apigateway:restapis",
};

export type EnforcedForResolution = { types: string[]; issue: null } | { types: []; issue: string };

/**
 * The catalog types one enforced_for entry stands for. `service:ALL_SUPPORTED` and `service:*`
 * expand to the service's cost-generating types. Free and unknown types resolve to an issue
 * instead: free types are never scanned, so a required tag on them could never be reported.
 */
export function catalogTypesForEnforcedFor(entry: string): EnforcedForResolution {
  // AWS matches service and type names case-insensitively; the catalog is all lower case.
  const lowered = entry.trim().toLowerCase();
  const [service = "", resource = ""] = lowered.split(":", 2);
  if (resource === "all_supported" || resource === "*") {
    const catalogService = SERVICE_ALIASES[service] ?? service;
    const types = typesOfService(catalogService);
    if (types.length > 0) return { types, issue: null };
    return { types: [], issue: `"${entry}" names no scannable resource type of service "${service}"` };
  }
  const type = TYPE_ALIASES[lowered] ?? lowered;
  if (isCostGeneratingType(type)) return { types: [type], issue: null };
  if (isFreeType(type)) {
    return { types: [], issue: `"${entry}" is a free resource type (no direct cost) and is never scanned` };
  }
  return { types: [], issue: `"${entry}" is not a known resource type` };
}

/** The enforced_for name AWS expects for a catalog type. */
export const awsTagPolicyTypeFor = (catalogType: string): string => AWS_NAMES[catalogType] ?? catalogType;
