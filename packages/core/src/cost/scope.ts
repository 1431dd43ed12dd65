// Which cost lines (Cost Explorer services, EC2 - Other split by usage type: catalog/cost-lines.ts)
// an attribution-gap request covers, and which of them are unattributable by nature (tax, support,
// marketplace, data transfer: the catalog's list, plus EC2 - Other's data transfer).
import { COST_GENERATING_TYPES, isCostGeneratingType } from "../catalog";
import { costLineFor, isUnattributableLine } from "../catalog/cost-lines";
import type { CostData } from "./types";

export type ResourceTypeScope = readonly string[] | "all";

export interface GapScope {
  isTypeInScope: (type: string) => boolean;
  /** Services whose spend is taggable: the gap is computed over these. */
  taggable: Set<string>;
  /** Services on the catalog's unattributable list that the request covers. */
  unattributable: Set<string>;
  /** The scanned types of each taggable service (decides where spend with no resource is shown). */
  typesOfService: Map<string, string[]>;
}

function serviceOf(type: string): string {
  return costLineFor(type) ?? "";
}

export function resolveGapScope(resourceTypes: ResourceTypeScope, costData: CostData): GapScope {
  const all = resourceTypes === "all";
  const types = all ? COST_GENERATING_TYPES : [...new Set(resourceTypes)];
  const requested = new Set(types);

  // "all" covers every service Cost Explorer reports (CloudWatch, VPC... included: their spend is
  // real and untagged as far as a scan can tell). Explicit types cover only their own services,
  // each counted once however many requested types share it.
  // (A service with neither spend nor scanned resources would only add empty rows.)
  const services = new Set<string>(all ? Object.keys(costData.by_service) : []);
  if (!all) for (const type of types) if (serviceOf(type) !== "") services.add(serviceOf(type));

  const taggable = new Set<string>();
  const unattributable = new Set<string>();
  // "Amazon Bedrock" is both on the unattributable list and the service of bedrock:* types; the
  // catalog's list wins everywhere, so its spend is never counted as attributable and the gap
  // cannot go negative.
  for (const service of services) (isUnattributableLine(service) ? unattributable : taggable).add(service);

  const typesOfService = new Map<string, string[]>();
  for (const type of types) {
    const service = serviceOf(type);
    if (!taggable.has(service)) continue;
    typesOfService.set(service, [...(typesOfService.get(service) ?? []), type]);
  }

  return {
    isTypeInScope: all ? isCostGeneratingType : (type) => requested.has(type),
    taggable,
    unattributable,
    typesOfService,
  };
}
