// Per resource, the tags to set so its violations go away (TOOLS.md tool 15): the first allowed
// value, or a placeholder. One refinement: an invalid value that is an allowed value in another case
// or with stray spaces ("Production ") becomes that allowed value, not the first one — overwriting
// "Staging" with "production" would mislabel the resource.
import type { Violation, ViolationType } from "../model";

/** Written where no value can be derived; searchable, so a review can refuse to apply it as is. */
export const PLACEHOLDER_VALUE = "REPLACE_ME";

export type ValueSource = "first_allowed_value" | "allowed_value_spelling" | "placeholder";

export interface TagChange {
  tag: string;
  value: string;
  value_source: ValueSource;
  violation_type: ViolationType;
  current_value: string | null;
  allowed_values: string[] | null;
}

export interface ResourceRemediation {
  resource_arn: string;
  resource_id: string;
  resource_type: string;
  region: string;
  account_id: string;
  changes: TagChange[];
}

function changeFor(violation: Violation): TagChange {
  const allowed = violation.allowed_values ?? [];
  const current = violation.current_value?.trim().toLowerCase();
  const respelled =
    violation.violation_type === "invalid_value" && current !== undefined
      ? allowed.find((value) => value.toLowerCase() === current)
      : undefined;
  const [value, source]: [string, ValueSource] =
    respelled !== undefined
      ? [respelled, "allowed_value_spelling"]
      : allowed[0] !== undefined
        ? [allowed[0], "first_allowed_value"]
        : [PLACEHOLDER_VALUE, "placeholder"];
  return {
    tag: violation.tag_name,
    value,
    value_source: source,
    violation_type: violation.violation_type,
    current_value: violation.current_value,
    allowed_values: violation.allowed_values,
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
