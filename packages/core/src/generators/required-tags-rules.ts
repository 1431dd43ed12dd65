// Plans AWS Config REQUIRED_TAGS managed rules for a set of tags. The rule checks at most six keys
// (tag1Key..tag6Key), each with optional comma-separated values (tagNValue), over one resource scope.
// Tags are therefore grouped by the resource types they bind, so no rule demands a tag on a type the
// policy does not require it on, then each group is split into rules of at most six keys whose
// InputParameters stay within the API's 1024 characters.
import { configResourceTypeFor } from "./config-resource-types";
import type { TargetTag } from "./target-tags";

export const MAX_TAGS_PER_RULE = 6;
export const MAX_INPUT_PARAMETERS_LENGTH = 1024;

export interface PlannedRule {
  /** Tag names checked by the rule, in policy order. */
  tags: string[];
  /** AWS Config resource types; null means every type the rule supports (no scope). */
  scope: string[] | null;
  /** tag1Key, tag1Value, tag2Key... in that order. */
  input_parameters: Record<string, string>;
}

interface RuleTag {
  name: string;
  values: string[] | null;
  scope: string[] | null;
}

function ruleTag(tag: TargetTag, includeValues: boolean, warnings: Set<string>): RuleTag | null {
  let scope: string[] | null = null;
  if (tag.applies_to) {
    scope = tag.applies_to.flatMap((type) => configResourceTypeFor(type) ?? []);
    const unrecorded = tag.applies_to.filter((type) => !configResourceTypeFor(type));
    if (unrecorded.length > 0) {
      warnings.add(
        `"${tag.name}": AWS Config does not record the tags of ${unrecorded.join(", ")}; left out of the rule scope`,
      );
    }
    if (scope.length === 0) return null;
  }
  if (!includeValues || !tag.allowed_values) return { name: tag.name, values: null, scope };
  // The rule splits tagNValue on commas, so a value containing one cannot be expressed.
  const values = tag.allowed_values.filter((value) => !value.includes(","));
  if (values.length < tag.allowed_values.length) {
    warnings.add(
      `"${tag.name}": values containing a comma cannot be checked by REQUIRED_TAGS and were left out`,
    );
  }
  return { name: tag.name, values: values.length > 0 ? values : null, scope };
}

function parameters(tags: RuleTag[]): Record<string, string> {
  const params: Record<string, string> = {};
  tags.forEach((tag, index) => {
    params[`tag${index + 1}Key`] = tag.name;
    if (tag.values) params[`tag${index + 1}Value`] = tag.values.join(",");
  });
  return params;
}

/** Splits one scope's tags into rules of at most six keys whose parameters fit the API's limit. */
function chunk(group: RuleTag[]): RuleTag[][] {
  const chunks: RuleTag[][] = [];
  let current: RuleTag[] = [];
  for (const tag of group) {
    const size = JSON.stringify(parameters([...current, tag])).length;
    const fits = current.length < MAX_TAGS_PER_RULE && size <= MAX_INPUT_PARAMETERS_LENGTH;
    if (current.length > 0 && !fits) {
      chunks.push(current);
      current = [];
    }
    current.push(tag);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function planRequiredTagsRules(
  tags: TargetTag[],
  includeValues: boolean,
  warnings: Set<string>,
): PlannedRule[] {
  // A regex is checked by the compliance scan only; the managed rule knows exact values at most.
  for (const tag of tags.filter((t) => includeValues && !t.allowed_values && t.validation_regex)) {
    warnings.add(`"${tag.name}": REQUIRED_TAGS cannot check a validation_regex; only presence is checked`);
  }
  const groups = new Map<string, RuleTag[]>();
  for (const tag of tags) {
    const planned = ruleTag(tag, includeValues, warnings);
    if (!planned) continue;
    const key = planned.scope ? [...planned.scope].sort().join(",") : "*";
    groups.set(key, [...(groups.get(key) ?? []), planned]);
  }
  return [...groups.values()].flatMap(chunk).map((ruleTags) => {
    const params = parameters(ruleTags);
    if (JSON.stringify(params).length > MAX_INPUT_PARAMETERS_LENGTH) {
      // Only a single tag can get here: its values alone are over the limit.
      warnings.add(
        `"${ruleTags[0]?.name}": its allowed values exceed AWS Config's ${MAX_INPUT_PARAMETERS_LENGTH}-character limit on rule parameters`,
      );
    }
    return { tags: ruleTags.map((t) => t.name), scope: ruleTags[0]?.scope ?? null, input_parameters: params };
  });
}
