// Which resource types a generator covers: the ones the caller asked for, or by default every
// scannable type the tagging policy names. Types are checked against the catalog so a typo is an
// error that lists the right names rather than a policy that silently matches nothing.
import { COST_GENERATING_TYPES, isCostGeneratingType, isFreeType, typesOfService } from "../catalog";
import { CoreInputError } from "../errors";
import type { TaggingPolicy } from "../policy/types";

const appliesToEveryType = (applies_to: string[] | null | undefined): boolean =>
  !applies_to || applies_to.length === 0;

/** Cost-generating types named by the policy's required tags, in catalog order. */
export function policyCoveredTypes(policy: TaggingPolicy): string[] {
  if (policy.required_tags.some((tag) => appliesToEveryType(tag.applies_to)))
    return [...COST_GENERATING_TYPES];
  const named = new Set(policy.required_tags.flatMap((tag) => tag.applies_to ?? []));
  return COST_GENERATING_TYPES.filter((type) => named.has(type));
}

/**
 * The requested types, de-duplicated in request order; "all" means every cost-generating type.
 * Free and unknown types are input errors, with the same wording as the scanning tools.
 */
export function resolveResourceTypes(
  policy: TaggingPolicy,
  requested: readonly string[] | undefined,
  field = "resource_types",
): string[] {
  if (!requested || requested.length === 0) return policyCoveredTypes(policy);
  if (requested.includes("all")) return [...COST_GENERATING_TYPES];
  for (const type of requested) {
    if (isCostGeneratingType(type)) continue;
    if (isFreeType(type)) {
      throw new CoreInputError(field, `${type} is a free resource type (no direct cost) and is not scanned`);
    }
    const siblings = typesOfService(type.split(":")[0] ?? "");
    const hint = siblings.length > 0 ? `; did you mean ${siblings.join(", ")}?` : "";
    throw new CoreInputError(field, `${type} is not a known resource type${hint}`);
  }
  return [...new Set(requested)];
}

/** Whether a tag whose applies_to is given binds `type` (missing or empty means every type). */
export const tagAppliesTo = (applies_to: string[] | null, type: string): boolean =>
  appliesToEveryType(applies_to) || (applies_to ?? []).includes(type);
