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
 * applicableRequiredTags computed once per type, for judging many resources against one policy (a
 * scan's thousands of resources have a few dozen types). The lists are shared: read them only.
 */
export function applicableByType(policy: TaggingPolicy): (type: string) => readonly RequiredTag[] {
  const byType = new Map<string, RequiredTag[]>();
  return (type) => {
    let tags = byType.get(type);
    if (!tags) {
      tags = applicableRequiredTags(policy, type);
      byType.set(type, tags);
    }
    return tags;
  };
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
