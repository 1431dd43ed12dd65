// check_tag_compliance's numbers: validate every in-scope resource, then score and break down.
import type { Resource, Violation } from "../model";
import { applicableByType } from "../policy/applicable";
import { isExcluded } from "../policy/exclusions";
import { expectationMemo } from "../policy/expectation";
import type { TaggingPolicy } from "../policy/types";
import { breakdownBy, type ComplianceBreakdown, type EvaluatedResource } from "./breakdown";
import { type CostWeightedCompliance, costWeightedCompliance } from "./cost-weighted";
import type { CostLookup } from "./costs";
import { type NotTaggableEntry, notTaggableOfUnique } from "./not-taggable";
import { complianceScore } from "./ratio";
import { scopeOfUnique, uniqueByArnView } from "./scope";
import { countsAgainstCompliance, violationsOf } from "./validate";

/** Same values as export/severity.ts's SeverityFilter; kept local so core exports the name once. */
type SeverityFilter = "all" | "errors_only" | "warnings_only";

export interface EvaluateComplianceInput {
  policy: TaggingPolicy;
  resources: readonly Resource[];
  /** Requested types; "all" means every cost-generating type. */
  resourceTypes: readonly string[];
  severity?: SeverityFilter;
  costs?: CostLookup;
}

export interface ComplianceEvaluation extends CostWeightedCompliance {
  /** null when nothing was in scope: no resource was checked, so nothing can be claimed. */
  compliance_score: number | null;
  total_resources: number;
  compliant_resources: number;
  non_compliant_resources: number;
  /** In-scope resources the policy's exclusions set aside: not evaluated, not in total_resources. */
  excluded: number;
  /** The violations the severity filter selects, ordered by ARN then policy order. */
  violations: Violation[];
  /** Counts over all violations, before the severity filter. */
  violation_counts: { total: number; errors: number; warnings: number };
  by_region: Record<string, ComplianceBreakdown>;
  by_account: Record<string, ComplianceBreakdown>;
  /** Found resources of types AWS cannot tag: not in total_resources, never a violation. */
  not_taggable: NotTaggableEntry[];
}

const selects = (severity: SeverityFilter, violation: Violation): boolean =>
  severity === "all" ||
  (severity === "errors_only" ? violation.severity === "error" : violation.severity === "warning");

export function evaluateCompliance(input: EvaluateComplianceInput): ComplianceEvaluation {
  const { policy, costs, severity = "all" } = input;
  // One dedupe, one lookup of the applicable tags per type and one expectation per tag serve the
  // whole evaluation: a scan's thousands of resources share a few dozen types.
  const unique = uniqueByArnView(input.resources);
  const applicable = applicableByType(policy);
  const expectationOf = expectationMemo();
  const inScope = scopeOfUnique(unique, input.resourceTypes, applicable);
  const evaluated: EvaluatedResource[] = [];
  const all: Violation[] = [];
  let compliant = 0;
  let errors = 0;
  for (const resource of inScope) {
    if (isExcluded(policy, resource)) continue;
    const violations = violationsOf(resource, policy, applicable(resource.type), expectationOf, costs);
    // Advisory violations (an alias under "warning" treatment) are listed but leave the resource compliant.
    const isCompliant = !violations.some(countsAgainstCompliance);
    if (isCompliant) compliant += 1;
    for (const violation of violations) {
      all.push(violation);
      if (violation.severity === "error") errors += 1;
    }
    evaluated.push({ resource, violations, compliant: isCompliant });
  }
  return {
    // The filter applies to the listing only: a warnings-only view must not make the score look better.
    compliance_score: complianceScore(compliant, evaluated.length),
    total_resources: evaluated.length,
    compliant_resources: compliant,
    non_compliant_resources: evaluated.length - compliant,
    excluded: inScope.length - evaluated.length,
    ...costWeightedCompliance(evaluated, costs),
    violations: severity === "all" ? all : all.filter((violation) => selects(severity, violation)),
    violation_counts: { total: all.length, errors, warnings: all.length - errors },
    by_region: breakdownBy(evaluated, (resource) => resource.region),
    by_account: breakdownBy(evaluated, (resource) => resource.account_id),
    not_taggable: notTaggableOfUnique(unique, input.resourceTypes),
  };
}
