// A suggestion must be a value the policy accepts: one outside allowed_values is dropped (TOOLS.md
// tool 5), and one failing validation_regex would only trade a missing tag for invalid_format.
import { compileTagRegex, matchesAtStart } from "../policy/regex";
import type { RequiredTag } from "../policy/types";
import { tokenize } from "./tokens";

const loose = (value: string): string => tokenize(value).join(" ");

/**
 * The policy's own spelling of `candidate`, or null when the policy would reject it. An allowed
 * value that differs only in case or separators ("Production", "cost_center") is taken in the
 * policy's spelling, since that is what the resource must end up carrying.
 */
export function acceptableValue(tag: RequiredTag, candidate: string): string | null {
  let value = candidate;
  if (tag.allowed_values) {
    const exact = tag.allowed_values.includes(candidate);
    const close = tag.allowed_values.find((allowed) => loose(allowed) === loose(candidate));
    if (!exact && close === undefined) return null;
    value = exact ? candidate : close!;
  }
  if (tag.validation_regex) {
    const compiled = compileTagRegex(tag.validation_regex);
    // An uncompilable pattern is reported when the policy is saved; it cannot judge values here.
    if (compiled.ok && !matchesAtStart(compiled.regex, value)) return null;
  }
  return value;
}
