// The counts get_tagging_policy shows next to the policy.
import { allApplicableResourceTypes, appliesToEveryType } from "./applicable";
import type { TaggingPolicy } from "./types";

export interface PolicySummary {
  required_tag_count: number;
  optional_tag_count: number;
  /** Required tags restricted to a list of exact values. */
  required_with_allowed_values: number;
  required_with_validation_regex: number;
  /** Required tags whose applies_to is missing or empty. */
  required_for_all_types: number;
  /** Size of allApplicableResourceTypes(policy). */
  applicable_resource_type_count: number;
}

export function summarizePolicy(policy: TaggingPolicy): PolicySummary {
  const required = policy.required_tags;
  return {
    required_tag_count: required.length,
    optional_tag_count: policy.optional_tags.length,
    // Non-empty only: an empty list allows any value (Python truthiness, see normalize.ts).
    required_with_allowed_values: required.filter((tag) => (tag.allowed_values?.length ?? 0) > 0).length,
    required_with_validation_regex: required.filter((tag) => !!tag.validation_regex).length,
    required_for_all_types: required.filter(appliesToEveryType).length,
    applicable_resource_type_count: allApplicableResourceTypes(policy).length,
  };
}
