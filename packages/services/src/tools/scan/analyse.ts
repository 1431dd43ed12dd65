// Scan + policy + spend → the compliance evaluation and the attribution gap, shared by the check,
// gap, report and export tools (and scheduled audits) so they always agree with each other. Pure
// given its inputs, so it is computed once per scan, policy version and cost period, and memoised;
// each call then only pages the list of its severity (filtered once per analysis, then kept with it).
import {
  type AttributionGap,
  attributionGap,
  type ComplianceEvaluation,
  countsAgainstCompliance,
  evaluateCompliance,
  spreadCostsDetailed,
  type TaggingPolicy,
} from "@tagc/core";
import type { ToolCtx } from "../context";
import type { Spend } from "./costs";
import type { ScanPlan } from "./plan";
import { hash, SCAN_TTL_S, type ScanOutcome } from "./types";

export interface Computed {
  evaluation: ComplianceEvaluation;
  gap: AttributionGap | null;
  /**
   * The violations of one severity, filtered on the first call that asks for it: the warm calls
   * after it page this list instead of filtering every violation of the scan again.
   */
  listed?: Partial<Record<"errors_only" | "warnings_only", ComplianceEvaluation["violations"]>>;
}

export interface Analysis extends Computed {
  policy: TaggingPolicy;
  /** Per account: keys active for cost allocation (null: unread); absent when costs were not read. */
  allocation: Spend["allocation"] | undefined;
  policyVersion: number;
  scan: ScanOutcome;
}

function compute(plan: ScanPlan, scan: ScanOutcome, spend: Spend | undefined): Computed {
  const { request, policy } = plan;
  // Spread once: the gap reuses this spread of the same resources (core/cost/gap.ts says when).
  const spread = spend
    ? spreadCostsDetailed({ resources: scan.resources, costData: spend.costData })
    : undefined;
  const evaluation = evaluateCompliance({
    policy,
    resources: scan.resources,
    resourceTypes: request.resourceTypes,
    ...(spread ? { costs: spread.byArn } : {}),
  });
  if (!spend) return { evaluation, gap: null };
  // Advisory violations (value aliases under "warning" treatment) leave the resource compliant.
  const nonCompliant = new Set<string>();
  for (const violation of evaluation.violations)
    if (countsAgainstCompliance(violation)) nonCompliant.add(violation.resource_arn);
  const compliantArns = new Set<string>();
  for (const resource of scan.resources) if (!nonCompliant.has(resource.arn)) compliantArns.add(resource.arn);
  const gap = attributionGap({
    resources: scan.resources,
    compliantArns,
    costData: spend.costData,
    resourceTypes: request.allTypes ? "all" : request.resourceTypes,
    groupBy: plan.groupBy,
    ...(spread ? { spread } : {}),
  });
  return { evaluation, gap };
}

export function analyse(ctx: ToolCtx, plan: ScanPlan, scan: ScanOutcome, spend: Spend | undefined): Analysis {
  const { request } = plan;
  const key = scan.scan_id
    ? `analysis:${hash([scan.scan_id, plan.policyVersion, plan.period, plan.groupBy, request.allTypes, request.resourceTypes, spend?.issues.length])}`
    : undefined;
  const now = ctx.deps.now().getTime();
  let computed = key ? ctx.scans.analyses.get(ctx.client.id, key, now) : undefined;
  if (!computed) {
    computed = compute(plan, scan, spend);
    if (key)
      ctx.scans.analyses.set(ctx.client.id, key, computed, Date.parse(scan.scanned_at) + SCAN_TTL_S * 1000);
  }
  // The severity filter selects which violations are listed; it never changes the score or totals.
  const severity = request.severity ?? "all";
  const evaluation =
    severity === "all"
      ? computed.evaluation
      : { ...computed.evaluation, violations: violationsOf(computed, severity) };
  return {
    policy: plan.policy,
    policyVersion: plan.policyVersion,
    scan,
    evaluation,
    gap: computed.gap,
    allocation: spend?.allocation,
  };
}

function violationsOf(computed: Computed, severity: "errors_only" | "warnings_only") {
  computed.listed ??= {};
  computed.listed[severity] ??= computed.evaluation.violations.filter((v) =>
    severity === "errors_only" ? v.severity === "error" : v.severity === "warning",
  );
  return computed.listed[severity];
}
