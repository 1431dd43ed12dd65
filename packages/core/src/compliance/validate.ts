// Validates one resource against the policy exactly as TOOLS.md "Validating one resource" says:
// for each applicable required tag, in policy order, the first failing check wins.

import type { Resource, Severity, Violation, ViolationType } from "../model";
import { applicableRequiredTags } from "../policy/applicable";
import { violationExpectation } from "../policy/expectation";
import { compileTagRegex, matchesAtStart } from "../policy/regex";
import type { RequiredTag, TaggingPolicy } from "../policy/types";
import { roundCents } from "../report/money";
import { type CostLookup, costOf } from "./costs";

const SEVERITY: Readonly<Record<ViolationType, Severity>> = {
  missing_required_tag: "error",
  invalid_value: "error",
  invalid_format: "warning",
};

/** Python truthiness, as in the seed: an empty allowed list or an empty regex checks nothing. */
const allowedList = (tag: RequiredTag): string[] | null =>
  tag.allowed_values && tag.allowed_values.length > 0 ? tag.allowed_values : null;

function checkTag(tag: RequiredTag, tags: Readonly<Record<string, string>>): ViolationType | null {
  // Exact, case-sensitive key; own keys only so a tag named "constructor" is not found by accident.
  if (!Object.hasOwn(tags, tag.name)) return "missing_required_tag";
  const value = tags[tag.name] ?? "";
  const allowed = allowedList(tag);
  // An empty string is a present value: it is judged here, never reported as missing.
  if (allowed && !allowed.includes(value)) return "invalid_value";
  if (tag.validation_regex) {
    const compiled = compileTagRegex(tag.validation_regex);
    // parsePolicy rejects such patterns; reaching this means an unvalidated policy, which must not
    // be scored as if the rule did not exist.
    if (!compiled.ok) throw new Error(`required tag "${tag.name}": ${compiled.reason}`);
    if (!matchesAtStart(compiled.regex, value)) return "invalid_format";
  }
  return null;
}

/** Every violation of `resource`, in policy order; none means the resource is compliant. */
export function validateResource(resource: Resource, policy: TaggingPolicy, costs?: CostLookup): Violation[] {
  const violations: Violation[] = [];
  for (const tag of applicableRequiredTags(policy, resource.type)) {
    const type = checkTag(tag, resource.tags);
    if (!type) continue;
    violations.push({
      resource_id: resource.id,
      resource_arn: resource.arn,
      resource_type: resource.type,
      region: resource.region,
      account_id: resource.account_id,
      violation_type: type,
      tag_name: tag.name,
      severity: SEVERITY[type],
      current_value: Object.hasOwn(resource.tags, tag.name) ? (resource.tags[tag.name] ?? null) : null,
      ...violationExpectation(tag, type),
      // Whole cents: a spread share (100 / 3) is shown to people, and sums of cents stay readable.
      cost_impact_monthly: roundCents(costOf(costs, resource.arn).amount),
    });
  }
  return violations;
}
