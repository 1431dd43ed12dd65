// The value a remediation writes when it must set a tag: the first allowed value, or a placeholder
// that satisfies the tag's validation_regex so the fixed resource is then compliant.
import { sampleForRegex } from "./regex-sample";

/**
 * Written when no candidate satisfies the regex. It deliberately reads as a to-do: the resource stays
 * flagged (invalid_format) until someone sets a real value.
 */
export const PLACEHOLDER_FALLBACK = "tagc-review-required";

/** Readable values tried first, so an email pattern gets "unassigned@example.com", not "a@a.aa". */
const CANDIDATES = [
  "tagc-unassigned",
  "unassigned@example.com",
  "unassigned",
  "Unassigned",
  "UNASSIGNED",
  "0000",
  "000000",
  "CC-0000",
  "cc-0000",
  "APP-0000",
  "app-0000",
];

// What AWS accepts as a tag value (letters, digits, spaces and _ . : / = + - @; at most 256).
const AWS_TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

export interface PlaceholderTag {
  name: string;
  allowed_values: string[] | null;
  validation_regex: string | null;
}

export interface Placeholder {
  value: string;
  /** False when the value is the fallback, which the tag's regex rejects. */
  satisfies: boolean;
  warning: string | null;
}

/** Python re.match semantics (match at the start), as the compliance check uses. */
function matcher(pattern: string): ((value: string) => boolean) | null {
  try {
    const regex = new RegExp(pattern, "y");
    return (value) => {
      regex.lastIndex = 0;
      return regex.test(value);
    };
  } catch {
    return null; // Python-only syntax; the policy parser reports it
  }
}

export function placeholderFor(tag: PlaceholderTag): Placeholder {
  const first = tag.allowed_values?.[0];
  if (first !== undefined) return { value: first, satisfies: true, warning: null };
  if (!tag.validation_regex) return { value: "tagc-unassigned", satisfies: true, warning: null };
  const matches = matcher(tag.validation_regex);
  const sample = sampleForRegex(tag.validation_regex);
  const candidates = sample === null ? CANDIDATES : [...CANDIDATES, sample];
  const value = matches
    ? candidates.find((candidate) => AWS_TAG_VALUE.test(candidate) && matches(candidate))
    : undefined;
  if (value !== undefined) return { value, satisfies: true, warning: null };
  return {
    value: PLACEHOLDER_FALLBACK,
    satisfies: false,
    warning:
      `no placeholder satisfies the validation_regex of "${tag.name}"; "${PLACEHOLDER_FALLBACK}" is used ` +
      "and those resources stay flagged until a real value is set",
  };
}
