// The canonical form of a policy: every field present (null or [] for "not set") and keys in one
// fixed order. Serialisation, equality and caching by content all rely on this single shape.
// The options added for issue 11 (key_matching, value_aliases, alias_treatment, exclusions) appear
// only when set: a policy that does not use them serialises to the same text as before they existed,
// so stored versions and content caches do not all change at once.
import type { OptionalTag, PolicyExclusion, RequiredTag, TaggingPolicy } from "./types";

type OptionKeys = "key_matching" | "value_aliases" | "alias_treatment";
export type CanonicalRequiredTag = Required<Omit<RequiredTag, OptionKeys>> & Pick<RequiredTag, OptionKeys>;
export type CanonicalPolicy = Required<Omit<TaggingPolicy, "key_matching" | "exclusions">> &
  Pick<TaggingPolicy, "key_matching" | "exclusions">;

const copyAliases = (aliases: Record<string, string[]>): Record<string, string[]> =>
  Object.fromEntries(Object.entries(aliases).map(([value, list]) => [value, [...list]]));

const copyExclusion = (exclusion: PolicyExclusion): PolicyExclusion =>
  "arn_pattern" in exclusion
    ? { arn_pattern: exclusion.arn_pattern }
    : {
        tag: {
          key: exclusion.tag.key,
          ...(exclusion.tag.value != null ? { value: exclusion.tag.value } : {}),
        },
      };

export function canonicalRequiredTag(tag: RequiredTag): CanonicalRequiredTag {
  return {
    name: tag.name,
    description: tag.description,
    allowed_values: tag.allowed_values ? [...tag.allowed_values] : null,
    validation_regex: tag.validation_regex ?? null,
    // Missing, null and empty all mean "every type"; [] is the one spelling we keep.
    applies_to: tag.applies_to ? [...tag.applies_to] : [],
    ...(tag.key_matching ? { key_matching: tag.key_matching } : {}),
    ...(tag.value_aliases && Object.keys(tag.value_aliases).length > 0
      ? { value_aliases: copyAliases(tag.value_aliases) }
      : {}),
    ...(tag.alias_treatment ? { alias_treatment: tag.alias_treatment } : {}),
  };
}

export function canonicalOptionalTag(tag: OptionalTag): Required<OptionalTag> {
  return {
    name: tag.name,
    description: tag.description,
    allowed_values: tag.allowed_values ? [...tag.allowed_values] : null,
  };
}

export function canonicalPolicy(policy: TaggingPolicy): CanonicalPolicy {
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
    ...(policy.key_matching ? { key_matching: policy.key_matching } : {}),
    ...(policy.exclusions && policy.exclusions.length > 0
      ? { exclusions: policy.exclusions.map(copyExclusion) }
      : {}),
  };
}
