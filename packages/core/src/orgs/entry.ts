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
  /** Catalog types the tag is required on; null makes the tag optional. */
  applies_to: string[] | null;
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

function requiredOn(name: string, entry: JsonRecord, findings: Findings): string[] | null {
  const entries = ["enforced_for", "report_required_tag_for"].flatMap(
    (key) => assignedList(entry[key], `${key} of "${name}"`, findings) ?? [],
  );
  if (entries.length === 0) return null;
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
    return null;
  }
  return [...types];
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
  const assignedKey = assigned(entry.tag_key);
  const hasKey = typeof assignedKey === "string" && assignedKey.trim() !== "";
  if (entry.tag_key !== undefined && !hasKey) {
    findings.warnings.push(
      `tag_key of "${key}" assigns no name; the policy key "${key}" is used as the tag name`,
    );
  }
  const name = hasKey ? assignedKey : key;
  return {
    name,
    description: `Imported from AWS Organizations tag policy (entry "${key}")`,
    allowed_values: allowedValues(name, entry.tag_value, findings),
    applies_to: requiredOn(name, entry, findings),
  };
}
