// Cloud Custodian filters for one tag. A missing tag and a wrong value are separate checks: a
// resource is caught when it has either fault (not as the seed, whose single `and` only caught
// resources that had both). The value checks first require the tag to be present, because a
// Custodian value filter treats an absent key as a non-matching value.
import type { TargetTag } from "./target-tags";

export type CustodianFilter = Record<string, unknown>;

const tagKey = (tag: TargetTag) => `tag:${tag.name}`;

export const missingTagFilter = (tag: TargetTag): CustodianFilter => ({ [tagKey(tag)]: "absent" });

/** Whether the tag constrains its value at all (otherwise any present value is valid). */
export const hasValueRule = (tag: TargetTag): boolean =>
  tag.allowed_values !== null || tag.validation_regex !== null;

/**
 * Present but not acceptable: not an exact member of allowed_values, or (with no list) not matching
 * validation_regex. `regex-case` is Custodian's case-sensitive re.match, the compliance check's own
 * semantics; plain `regex` would ignore case.
 */
export function invalidValueFilter(tag: TargetTag): CustodianFilter {
  const present = { [tagKey(tag)]: "present" };
  if (tag.allowed_values) {
    return { and: [present, { type: "value", key: tagKey(tag), op: "not-in", value: tag.allowed_values }] };
  }
  const matches = { type: "value", key: tagKey(tag), op: "regex-case", value: tag.validation_regex };
  return { and: [present, { not: [matches] }] };
}

/** One filter that matches when any of `filters` matches. */
export const anyOf = (filters: CustodianFilter[]): CustodianFilter =>
  filters.length === 1 && filters[0] ? filters[0] : { or: filters };
