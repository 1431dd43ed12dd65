// Which required tags bind a resource type, and which types a policy covers.
import { COST_GENERATING_TYPES, isCostGeneratingType } from "../catalog";
import type { RequiredTag, TaggingPolicy } from "./types";

/** applies_to missing, null or empty means every resource type. */
export const appliesToEveryType = (tag: RequiredTag): boolean =>
  !tag.applies_to || tag.applies_to.length === 0;

/** The required tags that apply to `type`, in policy order (the order violations are reported in). */
export function applicableRequiredTags(policy: TaggingPolicy, type: string): RequiredTag[] {
  return policy.required_tags.filter((tag) => appliesToEveryType(tag) || tag.applies_to?.includes(type));
}

/**
 * The scannable types the policy names, in catalog order, so the model never has to guess types.
 * A required tag for every type makes every cost-generating type applicable. Free or unknown types
 * (possible only in a policy that bypassed parsePolicy) are left out because they are never scanned.
 */
export function allApplicableResourceTypes(policy: TaggingPolicy): string[] {
  if (policy.required_tags.some(appliesToEveryType)) return [...COST_GENERATING_TYPES];
  const named = new Set(policy.required_tags.flatMap((tag) => tag.applies_to ?? []));
  return COST_GENERATING_TYPES.filter((type) => named.has(type) && isCostGeneratingType(type));
}
