// Scan + policy + costs → the compliance evaluation and the attribution gap, shared by the check,
// gap, report and export tools so they always agree with each other.
import {
  type AttributionGap,
  attributionGap,
  type ComplianceEvaluation,
  evaluateCompliance,
  type GapGroupBy,
  spreadCosts,
  type TaggingPolicy,
} from "@tagc/core";
import { currentPolicy } from "../../policy/current";
import type { ToolCtx } from "../context";
import { costDataFor, resolvePeriod, type TimePeriod } from "./costs";
import { runScan, type ScanOutcome } from "./run";

export interface AnalyseRequest {
  tool: string;
  resourceTypes: string[];
  /** True when the caller asked for "all": unattributable services stay out of the gap. */
  allTypes: boolean;
  regions?: string[] | undefined;
  accounts?: string[] | undefined;
  severity?: "all" | "errors_only" | "warnings_only";
  forceRefresh?: boolean | undefined;
  withCosts: boolean;
  period?: Partial<TimePeriod> | undefined;
  groupBy?: GapGroupBy;
}

export interface Analysis {
  policy: TaggingPolicy;
  policyVersion: number;
  scan: ScanOutcome;
  evaluation: ComplianceEvaluation;
  gap: AttributionGap | null;
}

export async function analyse(ctx: ToolCtx, request: AnalyseRequest): Promise<Analysis> {
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  const scan = await runScan(ctx, {
    tool: request.tool,
    resourceTypes: request.resourceTypes,
    regions: request.regions,
    accounts: request.accounts,
    policyVersion: row.version,
    forceRefresh: request.forceRefresh,
  });
  let gap: AttributionGap | null = null;
  let costs: ReturnType<typeof spreadCosts> | undefined;
  if (request.withCosts) {
    const { costData, issues } = await costDataFor(
      ctx,
      scan.accounts,
      resolvePeriod(ctx.deps.now(), request.period),
    );
    costs = spreadCosts({ resources: scan.resources, costData });
    const unscored = evaluateCompliance({
      policy,
      resources: scan.resources,
      resourceTypes: request.resourceTypes,
      costs,
    });
    const nonCompliant = new Set(unscored.violations.map((v) => v.resource_arn));
    const compliantArns = scan.resources.filter((r) => !nonCompliant.has(r.arn)).map((r) => r.arn);
    gap = attributionGap({
      resources: scan.resources,
      compliantArns,
      costData,
      resourceTypes: request.allTypes ? "all" : request.resourceTypes,
      groupBy: request.groupBy ?? "resource_type",
    });
    if (issues.length) {
      scan.data_quality.issues.push(...issues);
      scan.data_quality.status = "partial";
      scan.data_quality.note ??= "Cost data is missing for some accounts; cost numbers are not account-wide.";
    }
  }
  const evaluation = evaluateCompliance({
    policy,
    resources: scan.resources,
    resourceTypes: request.resourceTypes,
    severity: request.severity ?? "all",
    ...(costs ? { costs } : {}),
  });
  return { policy, policyVersion: row.version, scan, evaluation, gap };
}
