// check_tag_compliance's numbers: validate every in-scope resource, then score and break down.
import type { Resource, Violation } from "../model";
import type { TaggingPolicy } from "../policy/types";
import { breakdownBy, type ComplianceBreakdown, type EvaluatedResource } from "./breakdown";
import type { CostLookup } from "./costs";
import { complianceScore } from "./ratio";
import { resourcesInScope } from "./scope";
import { validateResource } from "./validate";

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

export interface ComplianceEvaluation {
  /** null when nothing was in scope: no resource was checked, so nothing can be claimed. */
  compliance_score: number | null;
  total_resources: number;
  compliant_resources: number;
  non_compliant_resources: number;
  /** The violations the severity filter selects, ordered by ARN then policy order. */
  violations: Violation[];
  /** Counts over all violations, before the severity filter. */
  violation_counts: { total: number; errors: number; warnings: number };
  by_region: Record<string, ComplianceBreakdown>;
  by_account: Record<string, ComplianceBreakdown>;
}

const selects = (severity: SeverityFilter, violation: Violation): boolean =>
  severity === "all" ||
  (severity === "errors_only" ? violation.severity === "error" : violation.severity === "warning");

export function evaluateCompliance(input: EvaluateComplianceInput): ComplianceEvaluation {
  const { policy, costs, severity = "all" } = input;
  const evaluated: EvaluatedResource[] = resourcesInScope(input).map((resource: Resource) => ({
    resource,
    violations: validateResource(resource, policy, costs),
  }));
  const all = evaluated.flatMap((entry) => entry.violations);
  const compliant = evaluated.filter((entry) => entry.violations.length === 0).length;
  const errors = all.filter((violation) => violation.severity === "error").length;
  return {
    // The filter applies to the listing only: a warnings-only view must not make the score look better.
    compliance_score: complianceScore(compliant, evaluated.length),
    total_resources: evaluated.length,
    compliant_resources: compliant,
    non_compliant_resources: evaluated.length - compliant,
    violations: all.filter((violation) => selects(severity, violation)),
    violation_counts: { total: all.length, errors, warnings: all.length - errors },
    by_region: breakdownBy(evaluated, (resource) => resource.region),
    by_account: breakdownBy(evaluated, (resource) => resource.account_id),
  };
}
