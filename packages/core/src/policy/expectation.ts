// What a violation tells the reader the tag expects, chosen by the kind of failure: a wrong value is
// fixed from the allowed list, a malformed one from the pattern it failed (the list would mislead:
// an invalid_format value may well be on it), a missing one from both.
import type { Violation, ViolationType } from "../model";
import type { RequiredTag } from "./types";

export type ViolationExpectation = Pick<Violation, "allowed_values" | "validation_regex">;

export function violationExpectation(tag: RequiredTag, type: ViolationType): ViolationExpectation {
  // Python truthiness, as the check itself: an empty list or an empty pattern checks nothing.
  const allowed = tag.allowed_values && tag.allowed_values.length > 0 ? [...tag.allowed_values] : null;
  const pattern = tag.validation_regex ? { validation_regex: tag.validation_regex } : {};
  if (type === "invalid_format") return { allowed_values: null, ...pattern };
  if (type === "invalid_value") return { allowed_values: allowed };
  return { allowed_values: allowed, ...pattern };
}

/**
 * violationExpectation once per tag and kind, for one evaluation of many resources: its violations
 * share the allowed list instead of each carrying a copy (nothing changes a violation's list).
 */
export function expectationMemo(): (tag: RequiredTag, type: ViolationType) => ViolationExpectation {
  const memo = new Map<RequiredTag, Map<ViolationType, ViolationExpectation>>();
  return (tag, type) => {
    let byType = memo.get(tag);
    if (!byType) {
      byType = new Map();
      memo.set(tag, byType);
    }
    let expectation = byType.get(type);
    if (!expectation) {
      expectation = violationExpectation(tag, type);
      byType.set(type, expectation);
    }
    return expectation;
  };
}
