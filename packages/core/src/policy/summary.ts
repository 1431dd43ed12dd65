// The counts get_tagging_policy shows next to the policy.
import { allApplicableResourceTypes, appliesToEveryType } from "./applicable";
import type { KeyMatching, TaggingPolicy } from "./types";

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
  /** The policy's default key matching ("exact" unless set); a tag may override it. */
  key_matching: KeyMatching;
  /** Required tags whose key_matching differs from the policy's. */
  required_with_key_matching_override: number;
  required_with_value_aliases: number;
  /** Entries in exclusions: resources matching one are not evaluated. */
  exclusion_count: number;
}

export function summarizePolicy(policy: TaggingPolicy): PolicySummary {
  const required = policy.required_tags;
  const matching = policy.key_matching ?? "exact";
  return {
    required_tag_count: required.length,
    optional_tag_count: policy.optional_tags.length,
    // Non-empty only: an empty list allows any value (Python truthiness, see normalize.ts).
    required_with_allowed_values: required.filter((tag) => (tag.allowed_values?.length ?? 0) > 0).length,
    required_with_validation_regex: required.filter((tag) => !!tag.validation_regex).length,
    required_for_all_types: required.filter(appliesToEveryType).length,
    applicable_resource_type_count: allApplicableResourceTypes(policy).length,
    key_matching: matching,
    required_with_key_matching_override: required.filter((tag) => (tag.key_matching ?? matching) !== matching)
      .length,
    required_with_value_aliases: required.filter((tag) => Object.keys(tag.value_aliases ?? {}).length > 0)
      .length,
    exclusion_count: policy.exclusions?.length ?? 0,
  };
}
