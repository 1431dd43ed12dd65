// Per resource, the tags to set so its violations go away (TOOLS.md tool 15): the first allowed
// value, or a placeholder. One refinement: an invalid value that is an allowed value in another case
// or with stray spaces ("Production ") becomes that allowed value, not the first one — overwriting
// "Staging" with "production" would mislabel the resource.
import type { Violation, ViolationType } from "../model";

/** Written where no value can be derived; searchable, so a review can refuse to apply it as is. */
export const PLACEHOLDER_VALUE = "REPLACE_ME";

/**
 * preferred_value: an aliased value replaced by the value its alias stands for. found_key_value: a
 * key found in another case (key_case_mismatch) written under the policy's key with its own value.
 */
export type ValueSource =
  | "first_allowed_value"
  | "allowed_value_spelling"
  | "placeholder"
  | "preferred_value"
  | "found_key_value";

export interface TagChange {
  tag: string;
  value: string;
  value_source: ValueSource;
  violation_type: ViolationType;
  current_value: string | null;
  allowed_values: string[] | null;
  /** For key_case_mismatch: the misspelt key, to remove once the policy's key is written. */
  found_key?: string;
}

export interface ResourceRemediation {
  resource_arn: string;
  resource_id: string;
  resource_type: string;
  region: string;
  account_id: string;
  changes: TagChange[];
}

function derivedValue(violation: Violation): [string, ValueSource] | null {
  if (violation.violation_type === "aliased_value" && violation.preferred_value !== undefined)
    return [violation.preferred_value, "preferred_value"];
  // The found key's value is carried over: the rename fixes the key, a wrong value is a second fix.
  if (violation.violation_type === "key_case_mismatch" && violation.current_value !== null)
    return [violation.current_value, "found_key_value"];
  return null;
}

function changeFor(violation: Violation): TagChange {
  const allowed = violation.allowed_values ?? [];
  const current = violation.current_value?.trim().toLowerCase();
  const respelled =
    violation.violation_type === "invalid_value" && current !== undefined
      ? allowed.find((value) => value.toLowerCase() === current)
      : undefined;
  const [value, source]: [string, ValueSource] =
    derivedValue(violation) ??
    (respelled !== undefined
      ? [respelled, "allowed_value_spelling"]
      : allowed[0] !== undefined
        ? [allowed[0], "first_allowed_value"]
        : [PLACEHOLDER_VALUE, "placeholder"]);
  return {
    tag: violation.tag_name,
    value,
    value_source: source,
    violation_type: violation.violation_type,
    current_value: violation.current_value,
    allowed_values: violation.allowed_values,
    ...(violation.found_key !== undefined ? { found_key: violation.found_key } : {}),
  };
}

/** Resources sorted by ARN; each tag once, in the order its violations came (policy order). */
export function planRemediation(violations: readonly Violation[]): ResourceRemediation[] {
  const byArn = new Map<string, ResourceRemediation>();
  for (const violation of violations) {
    let entry = byArn.get(violation.resource_arn);
    if (!entry) {
      entry = {
        resource_arn: violation.resource_arn,
        resource_id: violation.resource_id,
        resource_type: violation.resource_type,
        region: violation.region,
        account_id: violation.account_id,
        changes: [],
      };
      byArn.set(violation.resource_arn, entry);
    }
    if (!entry.changes.some((change) => change.tag === violation.tag_name))
      entry.changes.push(changeFor(violation));
  }
  return [...byArn.values()].sort((a, b) => (a.resource_arn < b.resource_arn ? -1 : 1));
}

/** The change list as the tag map a tagging call takes. Null-prototype: tag keys are customer data. */
export function tagsOf(entry: ResourceRemediation): Record<string, string> {
  const tags: Record<string, string> = Object.create(null);
  for (const change of entry.changes) tags[change.tag] = change.value;
  return tags;
}
