// A suggestion must be a value the policy accepts: one outside allowed_values is dropped (TOOLS.md
// tool 5), and one failing validation_regex would only trade a missing tag for invalid_format.
import { compileTagRegex, matchesAtStart } from "../policy/regex";
import type { RequiredTag } from "../policy/types";
import { tokenize } from "./tokens";

/**
 * How far a candidate may differ from an allowed value and still be taken in its spelling.
 * - "case": only in letter case. For values read off other resources: "PRODUCTION" is Production,
 *   but "R-D" is not R&D and " prod" is not prod (the compliance check compares exactly, so those
 *   neighbours are themselves violations and must not vote for a value they do not carry).
 * - "words": also in separators ("orders_api" is "Orders API"). For values built from a resource
 *   name, where separators are the name's, not the value's.
 */
export type AllowedMatch = "case" | "words";

const loose = (value: string): string => tokenize(value).join(" ");

/** Python truthiness, as the compliance check reads it: an empty allowed list checks nothing. */
const allowedList = (tag: RequiredTag): string[] | null =>
  tag.allowed_values && tag.allowed_values.length > 0 ? tag.allowed_values : null;

/** The one allowed value `candidate` stands for; null when none or when two would fit. */
function allowedSpelling(allowed: readonly string[], candidate: string, match: AllowedMatch): string | null {
  if (allowed.includes(candidate)) return candidate;
  const key = (value: string) => (match === "case" ? value.toLowerCase() : loose(value));
  const wanted = key(candidate);
  // A value with no letters or digits has no words to compare: only an exact match counts.
  if (wanted === "") return null;
  const close = allowed.filter((value) => key(value) === wanted);
  return close.length === 1 ? close[0]! : null;
}

/**
 * The policy's own spelling of `candidate`, or null when the policy would reject it, so every value
 * returned is one the resource could carry and pass the check with.
 */
export function acceptableValue(
  tag: RequiredTag,
  candidate: string,
  match: AllowedMatch = "words",
): string | null {
  const allowed = allowedList(tag);
  const value = allowed ? allowedSpelling(allowed, candidate, match) : candidate;
  if (value === null) return null;
  if (tag.validation_regex) {
    const compiled = compileTagRegex(tag.validation_regex);
    // An uncompilable pattern is reported when the policy is saved; it cannot judge values here.
    if (compiled.ok && !matchesAtStart(compiled.regex, value)) return null;
  }
  return value;
}
