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

/** A requested type a generator cannot use, and why. */
export interface RejectedType {
  resource_type: string;
  code: "unknown_resource_type" | "free_resource_type";
  message: string;
}

function rejectionOf(type: string): RejectedType | null {
  if (isCostGeneratingType(type)) return null;
  if (isFreeType(type)) {
    const message = `${type} is a free resource type (no direct cost) and is not scanned`;
    return { resource_type: type, code: "free_resource_type", message };
  }
  const siblings = typesOfService(type.split(":")[0] ?? "");
  const hint = siblings.length > 0 ? `; did you mean ${siblings.join(", ")}?` : "";
  return {
    resource_type: type,
    code: "unknown_resource_type",
    message: `${type} is not a known resource type${hint}`,
  };
}

/**
 * The requested types split into those a generator can use (de-duplicated, in request order; "all"
 * means every cost-generating type) and those it cannot (free or unknown), each with the reason.
 */
export function splitResourceTypes(
  policy: TaggingPolicy,
  requested: readonly string[] | undefined,
): { types: string[]; rejected: RejectedType[] } {
  if (!requested || requested.length === 0) return { types: policyCoveredTypes(policy), rejected: [] };
  if (requested.includes("all")) return { types: [...COST_GENERATING_TYPES], rejected: [] };
  const unique = [...new Set(requested)];
  const rejected = unique.flatMap((type) => rejectionOf(type) ?? []);
  const refused = new Set(rejected.map((r) => r.resource_type));
  return { types: unique.filter((type) => !refused.has(type)), rejected };
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
  const { types, rejected } = splitResourceTypes(policy, requested);
  const [first] = rejected;
  if (first) throw new CoreInputError(field, first.message);
  return types;
}

/** Whether a tag whose applies_to is given binds `type` (missing or empty means every type). */
export const tagAppliesTo = (applies_to: string[] | null, type: string): boolean =>
  appliesToEveryType(applies_to) || (applies_to ?? []).includes(type);
