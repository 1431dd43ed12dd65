// Scan + policy + costs → the compliance evaluation and the attribution gap, shared by the check,
// gap, report and export tools so they always agree with each other. The analysis of one scan under
// one policy version and cost period is deterministic, so it is computed once and memoised; each call
// then only filters by severity.
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
import { memoGet, memoKey, memoSet } from "./memo";
import { runScan, type ScanIssue, type ScanOutcome } from "./run";
import { scanTargets } from "./targets";
import { hash, SCAN_TTL_S } from "./types";

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

interface Computed {
  evaluation: ComplianceEvaluation;
  gap: AttributionGap | null;
  costIssues: ScanIssue[];
}

/** Pure: the same scan, policy and spend always give the same analysis, which is why it is memoised. */
function compute(
  request: AnalyseRequest,
  policy: TaggingPolicy,
  scan: ScanOutcome,
  spend: Awaited<ReturnType<typeof costDataFor>> | undefined,
): Computed {
  const costs = spend ? spreadCosts({ resources: scan.resources, costData: spend.costData }) : undefined;
  const evaluation = evaluateCompliance({
    policy,
    resources: scan.resources,
    resourceTypes: request.resourceTypes,
    ...(costs ? { costs } : {}),
  });
  let gap: AttributionGap | null = null;
  if (spend) {
    const nonCompliant = new Set(evaluation.violations.map((v) => v.resource_arn));
    gap = attributionGap({
      resources: scan.resources,
      compliantArns: scan.resources.filter((r) => !nonCompliant.has(r.arn)).map((r) => r.arn),
      costData: spend.costData,
      resourceTypes: request.allTypes ? "all" : request.resourceTypes,
      groupBy: request.groupBy ?? "resource_type",
    });
  }
  return { evaluation, gap, costIssues: spend?.issues ?? [] };
}

export async function analyse(ctx: ToolCtx, request: AnalyseRequest): Promise<Analysis> {
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  const period = request.withCosts ? resolvePeriod(ctx.deps.now(), request.period) : undefined;
  const targets = await scanTargets(ctx, request.accounts);
  // Cost Explorer runs alongside discovery: it does not depend on the resources, only on the accounts.
  const [scan, spend] = await Promise.all([
    runScan(ctx, {
      tool: request.tool,
      resourceTypes: request.resourceTypes,
      regions: request.regions,
      targets,
      policyVersion: row.version,
      forceRefresh: request.forceRefresh,
    }),
    period ? costDataFor(ctx, targets, period) : undefined,
  ]);

  const key = scan.scan_id
    ? memoKey(
        ctx.client.id,
        `analysis:${hash([scan.scan_id, row.version, period, request.groupBy, request.allTypes, request.resourceTypes, spend?.issues.length])}`,
      )
    : undefined;
  const now = ctx.deps.now().getTime();
  let computed = key ? memoGet<Computed>(key, now) : undefined;
  if (!computed) {
    computed = compute(request, policy, scan, spend);
    if (key) memoSet(key, computed, Date.parse(scan.scanned_at) + SCAN_TTL_S * 1000);
  }
  if (computed.costIssues.length) {
    scan.data_quality.issues.push(...computed.costIssues);
    scan.data_quality.status = "partial";
    scan.data_quality.note ??= "Cost data is missing for some accounts; cost numbers are not account-wide.";
  }
  // The severity filter selects which violations are listed; it never changes the score or totals.
  const severity = request.severity ?? "all";
  const evaluation =
    severity === "all"
      ? computed.evaluation
      : {
          ...computed.evaluation,
          violations: computed.evaluation.violations.filter((v) =>
            severity === "errors_only" ? v.severity === "error" : v.severity === "warning",
          ),
        };
  return { policy, policyVersion: row.version, scan, evaluation, gap: computed.gap };
}
