// Validates one resource against the policy exactly as TOOLS.md "Validating one resource" says:
// for each applicable required tag, in policy order, the first failing check wins. The issue 11
// options slot into that order: key found only in another case (key_case_mismatch) comes before any
// value check, and a known alias (aliased_value) is reported instead of invalid_value.

import { isTaggableType } from "../catalog";
import type { Resource, Severity, Violation, ViolationType } from "../model";
import { preferredValueOf } from "../policy/aliases";
import { applicableRequiredTags } from "../policy/applicable";
import { type ViolationExpectation, violationExpectation } from "../policy/expectation";
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

/**
 * One violation, field by field in the order the answer lists them (JSON keeps insertion order),
 * rather than merged from three objects: a large scan makes tens of thousands of them. Two literals
 * (with and without the regex) for the same reason: a conditional spread would copy per violation.
 */
function violationOf(
  resource: Resource,
  tag: RequiredTag,
  finding: Finding,
  severity: Severity,
  expectation: ViolationExpectation,
  costs: CostLookup | undefined,
): Violation {
  // Exact: a tag's spend is summed from these and rounded once where it is shown (money.ts).
  const cost = costOf(costs, resource.arn).amount;
  const { allowed_values, validation_regex } = expectation;
  return validation_regex === undefined
    ? {
        resource_id: resource.id,
        resource_arn: resource.arn,
        resource_type: resource.type,
        region: resource.region,
        account_id: resource.account_id,
        violation_type: finding.type,
        tag_name: tag.name,
        severity,
        current_value: finding.value,
        allowed_values,
        cost_impact_monthly: cost,
      }
    : {
        resource_id: resource.id,
        resource_arn: resource.arn,
        resource_type: resource.type,
        region: resource.region,
        account_id: resource.account_id,
        violation_type: finding.type,
        tag_name: tag.name,
        severity,
        current_value: finding.value,
        allowed_values,
        validation_regex,
        cost_impact_monthly: cost,
      };
}

/** What the kinds whose fix is not obvious add, after the common fields. */
function addDetails(violation: Violation, tag: RequiredTag, finding: Finding, advisory: boolean): void {
  if (finding.type === "key_case_mismatch" && finding.key !== undefined) {
    violation.found_key = finding.key;
    violation.message = `found \`${finding.key}\`, expected \`${tag.name}\`: AWS tag keys are case-sensitive, so rename the key`;
  } else if (finding.type === "aliased_value" && finding.preferred !== undefined) {
    violation.preferred_value = finding.preferred;
    violation.advisory = advisory;
    violation.message = `use \`${finding.preferred}\` instead of \`${finding.value ?? ""}\``;
  }
}

/** Every violation of `resource`, in policy order; none (or only advisory ones) means compliant. */
export function validateResource(resource: Resource, policy: TaggingPolicy, costs?: CostLookup): Violation[] {
  return violationsOf(
    resource,
    policy,
    applicableRequiredTags(policy, resource.type),
    violationExpectation,
    costs,
  );
}

/**
 * validateResource with what an evaluation of many resources works out once: the tags that apply
 * to the resource's type, and each tag's expectation (expectation.ts's memo, whose allowed list the
 * violations then share rather than copy once each).
 */
export function violationsOf(
  resource: Resource,
  policy: TaggingPolicy,
  applicable: readonly RequiredTag[],
  expectationOf: (tag: RequiredTag, type: ViolationType) => ViolationExpectation,
  costs?: CostLookup,
): Violation[] {
  // AWS cannot tag this type (glue:table): a missing tag is nobody's fault and no one's to fix.
  if (!isTaggableType(resource.type)) return [];
  const violations: Violation[] = [];
  for (const tag of applicable) {
    const finding = checkTag(policy, tag, resource.tags);
    if (!finding) continue;
    // An alias under "violation" treatment is an error that counts; under "warning" it is advisory.
    const aliasCounts = tag.alias_treatment === "violation";
    const severity = finding.type === "aliased_value" && aliasCounts ? "error" : SEVERITY[finding.type];
    const violation = violationOf(resource, tag, finding, severity, expectationOf(tag, finding.type), costs);
    addDetails(violation, tag, finding, !aliasCounts);
    violations.push(violation);
  }
  return violations;
}

/** Whether the violation makes its resource non-compliant. */
export const countsAgainstCompliance = (violation: Violation): boolean => violation.advisory !== true;
