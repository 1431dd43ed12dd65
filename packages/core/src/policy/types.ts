// The tagging policy document, in the seed product's format (see shared/spec/TOOLS.md).
// The zod schema that parses it lives in ./schema.ts; these are the plain types every module shares.

export interface RequiredTag {
  name: string;
  description: string;
  /** Exact, case-sensitive members; null or absent means any value. */
  allowed_values?: string[] | null;
  /** Matched at the start of the value (Python re.match semantics). */
  validation_regex?: string | null;
  /** Missing, null or empty means every resource type. */
  applies_to?: string[] | null;
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
}
