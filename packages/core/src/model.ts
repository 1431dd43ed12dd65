// Plain data shapes shared by every core module. Discovery (packages/aws) produces Resources;
// core turns them into Violations, scores, costs and reports.

/** One discovered AWS resource, as the scanner hands it to core. */
export interface Resource {
  arn: string;
  /** The short id (instance id, bucket name, function name...). */
  id: string;
  /** Catalog type, e.g. "ec2:instance". */
  type: string;
  /** AWS region, or "global" for global types (s3:bucket, cloudfront, route53). */
  region: string;
  account_id: string;
  tags: Record<string, string>;
  /** Lifecycle state when the lister knows it ("running", "stopped", "terminated"...). */
  state?: string | null;
  /** ISO-8601 creation time when known; null means unknown (age is then null, never 0). */
  created_at?: string | null;
  /**
   * The id of the resource this one derives from, when the lister knows it: a volume's attached
   * instance, a snapshot's source volume. suggest_tags proposes its tags (inheritance).
   */
  parent_id?: string | null;
}

/**
 * key_case_mismatch: the key is present in another case or with stray spaces (key_matching
 * "case_insensitive"). aliased_value: the value is a known alias of an accepted one (value_aliases).
 */
export type ViolationType =
  | "missing_required_tag"
  | "invalid_value"
  | "invalid_format"
  | "key_case_mismatch"
  | "aliased_value";
export type Severity = "error" | "warning";

export interface Violation {
  resource_id: string;
  resource_arn: string;
  resource_type: string;
  region: string;
  account_id: string;
  violation_type: ViolationType;
  tag_name: string;
  severity: Severity;
  /** The present value, or null when the tag is missing. */
  current_value: string | null;
  /** The tag's allowed values, for missing_required_tag and invalid_value; null for invalid_format. */
  allowed_values: string[] | null;
  /** The pattern a value must match, for invalid_format and missing_required_tag when the tag has one. */
  validation_regex?: string;
  /** The resource's monthly cost estimate, exact (0 when costs were not requested); rounded where shown. */
  cost_impact_monthly: number;
  /**
   * True when the violation does not make the resource non-compliant (an aliased_value under
   * alias_treatment "warning"): it is listed so someone fixes the spelling, but not scored.
   */
  advisory?: boolean;
  /** The key found on the resource, for key_case_mismatch ("environment" for "Environment"). */
  found_key?: string;
  /** The value to use instead, for aliased_value. */
  preferred_value?: string;
  /** One sentence for the reader, for the kinds whose fix is not obvious from the fields. */
  message?: string;
}
