// The tagging policy document, in the seed product's format (see shared/spec/TOOLS.md).
// The zod schema that parses it lives in ./schema.ts; these are the plain types every module shares.

/**
 * How a required tag's key is looked up on a resource. "exact" (the default) is AWS's own rule: tag
 * keys are case-sensitive. "case_insensitive" also finds `environment` or ` Environment` for
 * `Environment`, and reports it as key_case_mismatch instead of missing_required_tag.
 */
export type KeyMatching = "exact" | "case_insensitive";

/**
 * What a value listed in value_aliases costs the resource. "warning" (the default): the resource is
 * compliant and the violation is advisory. "violation": the resource is non-compliant.
 */
export type AliasTreatment = "warning" | "violation";

export interface RequiredTag {
  name: string;
  description: string;
  /** Exact, case-sensitive members; null or absent means any value. */
  allowed_values?: string[] | null;
  /** Matched at the start of the value (Python re.match semantics). */
  validation_regex?: string | null;
  /** Missing, null or empty means every resource type. */
  applies_to?: string[] | null;
  /** Overrides the policy's key_matching for this tag. */
  key_matching?: KeyMatching | null;
  /** Preferred value -> spellings seen in the wild ("production" -> ["Prod", "prd"]). */
  value_aliases?: Record<string, string[]> | null;
  alias_treatment?: AliasTreatment | null;
}

export interface OptionalTag {
  name: string;
  description: string;
  allowed_values?: string[] | null;
}

export interface TagNamingRules {
  case_sensitivity: boolean;
  allow_special_characters: boolean;
  max_key_length: number;
  max_value_length: number;
}

export interface TaggingPolicy {
  version: string;
  last_updated?: string | null;
  required_tags: RequiredTag[];
  optional_tags: OptionalTag[];
  tag_naming_rules?: TagNamingRules | null;
  /** Default key matching for every required tag; absent means "exact". */
  key_matching?: KeyMatching | null;
  /** Resources that are never evaluated (counted apart as `excluded`). */
  exclusions?: PolicyExclusion[] | null;
}

/**
 * One exclusion: an ARN glob (`*` matches any run of characters, e.g. "arn:aws:s3:::cdk-*"), or a
 * tag the resource carries (any value when `value` is absent). Tag keys are matched exactly.
 */
export type PolicyExclusion = { arn_pattern: string } | { tag: { key: string; value?: string | null } };
