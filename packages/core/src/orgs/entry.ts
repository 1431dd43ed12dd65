// Converts one entry of a tag policy's `tags` map. Problems that lose information (a wildcard value,
// an unknown resource type) become warnings; inheritance operators, which only matter when policies
// are merged down an organization tree, become notes.
import { assigned, type JsonRecord, otherOperators } from "./document";
import { catalogTypesForEnforcedFor } from "./resource-types";

export interface ConvertedEntry {
  name: string;
  description: string;
  /** Exact values only; null when the entry sets no usable value list. */
  allowed_values: string[] | null;
  /** Required tags only: the catalog types it is required on, null for every scanned type. */
  applies_to: string[] | null;
  /** False only when the policy enforces the tag on nothing this service scans. */
  required: boolean;
}

export interface Findings {
  warnings: string[];
  notes: Set<string>;
}

const RULE_KEYS = ["tag_key", "tag_value", "enforced_for", "report_required_tag_for"];

const operatorNote = (operator: string): string =>
  operator === "@@operators_allowed_for_child_policies"
    ? "@@operators_allowed_for_child_policies ignored: it only limits what child policies may change"
    : `${operator} ignored: only @@assign values are imported, so an account's effective policy may differ`;

/** A list assignment as strings; a single string counts as a one-item list. */
function assignedList(node: unknown, what: string, findings: Findings): string[] | null {
  const raw = assigned(node);
  if (raw === undefined || raw === null) return null;
  const list = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : null;
  if (!list) {
    findings.warnings.push(`${what} is not a list and was ignored`);
    return null;
  }
  const strings = list.filter((item): item is string => typeof item === "string");
  if (strings.length < list.length) findings.warnings.push(`${what} has non-text items, which were ignored`);
  return strings;
}

function allowedValues(name: string, node: unknown, findings: Findings): string[] | null {
  const values = assignedList(node, `tag_value of "${name}"`, findings);
  if (!values) return null;
  // AWS matches "prod*" as a pattern; an exact allowed value cannot say that, so it is left out
  // rather than turned into a literal "prod" (not as the seed, which stripped the star).
  const wildcards = [...new Set(values.filter((value) => value.includes("*")))];
  const exact = [...new Set(values.filter((value) => !value.includes("*")))];
  if (wildcards.length > 0) {
    const list = wildcards.map((value) => `"${value}"`).join(", ");
    const effect =
      exact.length > 0
        ? "values they match will be reported invalid unless added as exact values"
        : "the tag accepts any value";
    findings.warnings.push(`"${name}": wildcard values ${list} cannot be checked as exact values; ${effect}`);
  }
  return exact.length > 0 ? exact : null;
}

const ENFORCEMENT_KEYS = ["enforced_for", "report_required_tag_for"];

/**
 * Where the tag is required. enforced_for only makes AWS block noncompliant tagging operations on
 * the types it names; a key without it (or report_required_tag_for) is still part of the policy
 * and evaluated for compliance on every resource type, so it stays required everywhere we scan.
 */
function requiredOn(
  name: string,
  entry: JsonRecord,
  findings: Findings,
): Pick<ConvertedEntry, "applies_to" | "required"> {
  const entries = ENFORCEMENT_KEYS.flatMap(
    (key) => assignedList(entry[key], `${key} of "${name}"`, findings) ?? [],
  );
  if (entries.length === 0) {
    findings.warnings.push(
      `"${name}" is enforced for no resource type (enforced_for and report_required_tag_for are absent or empty): AWS still evaluates it for compliance on every resource type, so it is imported as required on every scanned type; narrow its applies_to if it should cover fewer`,
    );
    return { applies_to: null, required: true };
  }
  const types = new Set<string>();
  for (const item of entries) {
    const resolved = catalogTypesForEnforcedFor(item);
    if (resolved.issue) findings.warnings.push(`"${name}": ${resolved.issue}; left out of applies_to`);
    for (const type of resolved.types) types.add(type);
  }
  if (types.size === 0) {
    // An empty applies_to would mean "every type": the opposite of what the policy said.
    findings.warnings.push(
      `"${name}" is enforced on no scannable resource type, so it is imported as optional`,
    );
    return { applies_to: null, required: false };
  }
  return { applies_to: [...types], required: true };
}

/**
 * The tag key, as AWS reads it: tag_key's value, as `{ "@@assign": "CostCenter" }` or a bare string,
 * which must be the policy key in some case; without tag_key, the policy key in lowercase (AWS's
 * default case treatment).
 */
function tagKeyOf(key: string, entry: JsonRecord, findings: Findings): string {
  const assignedKey = assigned(entry.tag_key);
  const hasKey = typeof assignedKey === "string" && assignedKey.trim() !== "";
  if (hasKey) {
    if (assignedKey.toLowerCase() !== key.toLowerCase()) {
      findings.warnings.push(
        `tag_key "${assignedKey}" of "${key}" does not match its policy key (AWS requires the same key in any case); "${assignedKey}" is used`,
      );
    }
    return assignedKey;
  }
  if (entry.tag_key !== undefined) {
    findings.warnings.push(
      `tag_key of "${key}" assigns no name; the policy key "${key}" is used as the tag name`,
    );
    return key;
  }
  const lower = key.toLowerCase();
  if (lower !== key) {
    findings.notes.add(
      `"${key}" has no tag_key: AWS requires the key in lowercase ("${lower}"), so that is the tag imported`,
    );
  }
  return lower;
}

export function convertEntry(key: string, entry: JsonRecord, findings: Findings): ConvertedEntry {
  for (const operator of [entry, ...RULE_KEYS.map((rule) => entry[rule])].flatMap(otherOperators)) {
    findings.notes.add(operatorNote(operator));
  }
  for (const other of Object.keys(entry).filter((k) => !k.startsWith("@@") && !RULE_KEYS.includes(k))) {
    findings.notes.add(
      `"${other}" in tag "${key}" ignored: it is not a tag policy rule this import understands`,
    );
  }
  const name = tagKeyOf(key, entry, findings);
  const description = `Imported from AWS Organizations tag policy (entry "${key}")`;
  // A nameless entry is skipped by the caller: its other parts would only add noise.
  if (name.trim() === "")
    return { name, description, allowed_values: null, applies_to: null, required: false };
  return {
    name,
    description,
    allowed_values: allowedValues(name, entry.tag_value, findings),
    ...requiredOn(name, entry, findings),
  };
}
