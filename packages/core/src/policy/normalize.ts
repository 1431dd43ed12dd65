// Turns a schema-valid document into the canonical policy, fixing what is harmless and saying so.
// Nothing here rejects: each fix keeps the meaning the Python product gave the document.
import { canonicalPolicy } from "./canonical";
import type { PolicyIssue } from "./issues";
import { compileTagRegex, matchesAtStart } from "./regex";
import type { ParsedPolicyDocument } from "./schema";
import type { RequiredTag, TaggingPolicy } from "./types";

export interface NormalizedPolicy {
  policy: TaggingPolicy;
  warnings: PolicyIssue[];
}

function dedupe(values: string[], path: string, what: string, warnings: PolicyIssue[]): string[] {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value))
      warnings.push({ path: `${path}[${index}]`, message: `duplicate ${what} "${value}" removed` });
    seen.add(value);
  });
  return [...seen];
}

function normalizeRequiredTag(tag: RequiredTag, path: string, warnings: PolicyIssue[]): RequiredTag {
  let allowed = tag.allowed_values ?? null;
  // Python treats an empty list as falsy, so the seed allowed any value; keep that, visibly.
  if (allowed && allowed.length === 0) {
    warnings.push({
      path: `${path}.allowed_values`,
      message: "allowed_values is empty, so any value is allowed",
    });
    allowed = null;
  }
  let regex = tag.validation_regex ?? null;
  if (regex === "") {
    warnings.push({ path: `${path}.validation_regex`, message: "validation_regex is empty and is ignored" });
    regex = null;
  }
  if (allowed) allowed = dedupe(allowed, `${path}.allowed_values`, "allowed value", warnings);
  const compiled = regex === null ? null : compileTagRegex(regex);
  if (allowed && compiled?.ok) {
    // An allowed value passes step 2 of validation and is then checked against the regex.
    allowed.forEach((value, index) => {
      if (!matchesAtStart(compiled.regex, value))
        warnings.push({
          path: `${path}.allowed_values[${index}]`,
          message: `"${value}" does not match validation_regex, so resources using it get an invalid_format warning`,
        });
    });
  }
  const appliesTo = dedupe(tag.applies_to ?? [], `${path}.applies_to`, "resource type", warnings);
  return { ...tag, allowed_values: allowed, validation_regex: regex, applies_to: appliesTo };
}

export function normalizePolicy(document: ParsedPolicyDocument): NormalizedPolicy {
  const warnings: PolicyIssue[] = [];
  const required = document.required_tags.map((tag, i) =>
    normalizeRequiredTag(tag, `required_tags[${i}]`, warnings),
  );
  const requiredNames = new Set(required.map((tag) => tag.name));
  const optionalSeen = new Set<string>();
  const optional = document.optional_tags.filter((tag, i) => {
    const path = `optional_tags[${i}].name`;
    if (requiredNames.has(tag.name)) {
      warnings.push({ path, message: `"${tag.name}" is also a required tag; the optional entry is removed` });
      return false;
    }
    if (optionalSeen.has(tag.name)) {
      warnings.push({ path, message: `duplicate optional tag "${tag.name}" removed` });
      return false;
    }
    optionalSeen.add(tag.name);
    return true;
  });
  const policy = canonicalPolicy({ ...document, required_tags: required, optional_tags: optional });
  return { policy, warnings };
}
