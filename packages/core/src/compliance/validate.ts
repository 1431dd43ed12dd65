// Validates one resource against the policy exactly as TOOLS.md "Validating one resource" says:
// for each applicable required tag, in policy order, the first failing check wins. The issue 11
// options slot into that order: key found only in another case (key_case_mismatch) comes before any
// value check, and a known alias (aliased_value) is reported instead of invalid_value.

import { isTaggableType } from "../catalog";
import type { Resource, Severity, Violation, ViolationType } from "../model";
import { preferredValueOf } from "../policy/aliases";
import { applicableRequiredTags } from "../policy/applicable";
import { violationExpectation } from "../policy/expectation";
import { keyMatchingOf, lookupKey } from "../policy/key-lookup";
import { compileTagRegex, matchesAtStart } from "../policy/regex";
import type { RequiredTag, TaggingPolicy } from "../policy/types";
import { type CostLookup, costOf } from "./costs";

/**
 * key_case_mismatch is a warning (the intent is clear) but the resource stays non-compliant: AWS
 * keys are case-sensitive, so its spend is not attributed under the policy's key until it is fixed.
 */
const SEVERITY: Readonly<Record<ViolationType, Severity>> = {
  missing_required_tag: "error",
  invalid_value: "error",
  invalid_format: "warning",
  key_case_mismatch: "warning",
  aliased_value: "warning",
};

/** Python truthiness, as in the seed: an empty allowed list or an empty regex checks nothing. */
const allowedList = (tag: RequiredTag): string[] | null =>
  tag.allowed_values && tag.allowed_values.length > 0 ? tag.allowed_values : null;

interface Finding {
  type: ViolationType;
  key?: string;
  value: string | null;
  preferred?: string;
}

function checkValue(tag: RequiredTag, value: string): Finding | null {
  const allowed = allowedList(tag);
  // An empty string is a present value: it is judged here, never reported as missing.
  if (!allowed?.includes(value)) {
    const preferred = preferredValueOf(tag, value);
    if (preferred !== null) return { type: "aliased_value", value, preferred };
    if (allowed) return { type: "invalid_value", value };
  }
  if (tag.validation_regex) {
    const compiled = compileTagRegex(tag.validation_regex);
    // parsePolicy rejects such patterns; reaching this means an unvalidated policy, which must not
    // be scored as if the rule did not exist.
    if (!compiled.ok) throw new Error(`required tag "${tag.name}": ${compiled.reason}`);
    if (!matchesAtStart(compiled.regex, value)) return { type: "invalid_format", value };
  }
  return null;
}

function checkTag(
  policy: TaggingPolicy,
  tag: RequiredTag,
  tags: Readonly<Record<string, string>>,
): Finding | null {
  const lookup = lookupKey(tags, tag.name, keyMatchingOf(policy, tag));
  if (lookup.found === "none") return { type: "missing_required_tag", value: null };
  const value = tags[lookup.key] ?? "";
  if (lookup.found === "variant") return { type: "key_case_mismatch", key: lookup.key, value };
  return checkValue(tag, value);
}

function detailsOf(tag: RequiredTag, finding: Finding, advisory: boolean): Partial<Violation> {
  if (finding.type === "key_case_mismatch" && finding.key !== undefined)
    return {
      found_key: finding.key,
      message: `found \`${finding.key}\`, expected \`${tag.name}\`: AWS tag keys are case-sensitive, so rename the key`,
    };
  if (finding.type === "aliased_value" && finding.preferred !== undefined)
    return {
      preferred_value: finding.preferred,
      advisory,
      message: `use \`${finding.preferred}\` instead of \`${finding.value ?? ""}\``,
    };
  return {};
}

/** Every violation of `resource`, in policy order; none (or only advisory ones) means compliant. */
export function validateResource(resource: Resource, policy: TaggingPolicy, costs?: CostLookup): Violation[] {
  // AWS cannot tag this type (glue:table): a missing tag is nobody's fault and no one's to fix.
  if (!isTaggableType(resource.type)) return [];
  const violations: Violation[] = [];
  for (const tag of applicableRequiredTags(policy, resource.type)) {
    const finding = checkTag(policy, tag, resource.tags);
    if (!finding) continue;
    // An alias under "violation" treatment is an error that counts; under "warning" it is advisory.
    const aliasCounts = tag.alias_treatment === "violation";
    const severity = finding.type === "aliased_value" && aliasCounts ? "error" : SEVERITY[finding.type];
    violations.push({
      resource_id: resource.id,
      resource_arn: resource.arn,
      resource_type: resource.type,
      region: resource.region,
      account_id: resource.account_id,
      violation_type: finding.type,
      tag_name: tag.name,
      severity,
      current_value: finding.value,
      ...violationExpectation(tag, finding.type),
      // Exact: a tag's spend is summed from these and rounded once where it is shown (money.ts).
      cost_impact_monthly: costOf(costs, resource.arn).amount,
      ...detailsOf(tag, finding, !aliasCounts),
    });
  }
  return violations;
}

/** Whether the violation makes its resource non-compliant. */
export const countsAgainstCompliance = (violation: Violation): boolean => violation.advisory !== true;
