// The canonical form of a policy: every field present (null or [] for "not set") and keys in one
// fixed order. Serialisation, equality and caching by content all rely on this single shape.
import type { OptionalTag, RequiredTag, TaggingPolicy } from "./types";

export function canonicalRequiredTag(tag: RequiredTag): Required<RequiredTag> {
  return {
    name: tag.name,
    description: tag.description,
    allowed_values: tag.allowed_values ? [...tag.allowed_values] : null,
    validation_regex: tag.validation_regex ?? null,
    // Missing, null and empty all mean "every type"; [] is the one spelling we keep.
    applies_to: tag.applies_to ? [...tag.applies_to] : [],
  };
}

export function canonicalOptionalTag(tag: OptionalTag): Required<OptionalTag> {
  return {
    name: tag.name,
    description: tag.description,
    allowed_values: tag.allowed_values ? [...tag.allowed_values] : null,
  };
}

export function canonicalPolicy(policy: TaggingPolicy): Required<TaggingPolicy> {
  const rules = policy.tag_naming_rules;
  return {
    version: policy.version,
    last_updated: policy.last_updated ?? null,
    required_tags: policy.required_tags.map(canonicalRequiredTag),
    optional_tags: policy.optional_tags.map(canonicalOptionalTag),
    tag_naming_rules: rules
      ? {
          case_sensitivity: rules.case_sensitivity,
          allow_special_characters: rules.allow_special_characters,
          max_key_length: rules.max_key_length,
          max_value_length: rules.max_value_length,
        }
      : null,
  };
}
