// check_tag_compliance's numbers: validate every in-scope resource, then score and break down.
import type { Resource, Violation } from "../model";
import { isExcluded } from "../policy/exclusions";
import type { TaggingPolicy } from "../policy/types";
import { breakdownBy, type ComplianceBreakdown, type EvaluatedResource } from "./breakdown";
import { type CostWeightedCompliance, costWeightedCompliance } from "./cost-weighted";
import type { CostLookup } from "./costs";
import { type NotTaggableEntry, notTaggableResources } from "./not-taggable";
import { complianceScore } from "./ratio";
import { resourcesInScope } from "./scope";
import { countsAgainstCompliance, validateResource } from "./validate";

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
  const inScope = resourcesInScope(input);
  const kept = inScope.filter((resource) => !isExcluded(policy, resource));
  const evaluated: EvaluatedResource[] = kept.map((resource: Resource) => ({
    resource,
    violations: validateResource(resource, policy, costs),
  }));
  const all = evaluated.flatMap((entry) => entry.violations);
  // Advisory violations (an alias under "warning" treatment) are listed but leave the resource compliant.
  const isCompliant = (entry: EvaluatedResource) => !entry.violations.some(countsAgainstCompliance);
  const compliant = evaluated.filter(isCompliant).length;
  const errors = all.filter((violation) => violation.severity === "error").length;
  return {
    // The filter applies to the listing only: a warnings-only view must not make the score look better.
    compliance_score: complianceScore(compliant, evaluated.length),
    total_resources: evaluated.length,
    compliant_resources: compliant,
    non_compliant_resources: evaluated.length - compliant,
    excluded: inScope.length - kept.length,
    ...costWeightedCompliance(
      evaluated.map((entry) => ({ arn: entry.resource.arn, compliant: isCompliant(entry) })),
      costs,
    ),
    violations: all.filter((violation) => selects(severity, violation)),
    violation_counts: { total: all.length, errors, warnings: all.length - errors },
    by_region: breakdownBy(evaluated, (resource) => resource.region),
    by_account: breakdownBy(evaluated, (resource) => resource.account_id),
    not_taggable: notTaggableResources(input),
  };
}
