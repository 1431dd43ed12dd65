import { complianceSnapshots } from "@tagc/db";
import type { ToolCtx } from "../context";
import { pageOf } from "../page";
import { analyse } from "../scan/analyse";
import { resolveResourceTypes } from "../scan/scope";

export interface CheckInput {
  resource_types: string[];
  filters?: { regions?: string[] | undefined; account_id?: string | undefined } | undefined;
  accounts?: string[] | undefined;
  severity?: "all" | "errors_only" | "warnings_only" | undefined;
  store_snapshot?: boolean | undefined;
  force_refresh?: boolean | undefined;
  cursor?: string | undefined;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function checkTagCompliance({ ctx, input }: { ctx: ToolCtx; input: CheckInput }) {
  const resourceTypes = resolveResourceTypes(input.resource_types);
  const accounts = input.filters?.account_id ? [input.filters.account_id] : input.accounts;
  const { evaluation, gap, scan } = await analyse(ctx, {
    tool: "check_tag_compliance",
    resourceTypes,
    allTypes: input.resource_types.includes("all"),
    regions: input.filters?.regions,
    accounts,
    severity: input.severity ?? "all",
    forceRefresh: input.force_refresh,
    withCosts: true,
  });
  const violations = pageOf(evaluation.violations, input.cursor);
  let stored = false;
  if (input.store_snapshot) {
    // Only aggregates are stored: raw resource data never leaves the scan.
    await ctx.deps.db.insert(complianceSnapshots).values({
      clientId: ctx.client.id,
      // The column holds one account id; a multi-account scan lists all of them in its scope.
      accountId: scan.accounts[0] ?? "",
      scope: {
        resource_types: resourceTypes,
        regions: scan.regions,
        accounts: scan.accounts,
        data_quality: scan.data_quality.status,
      },
      score: evaluation.compliance_score,
      total: evaluation.total_resources,
      compliant: evaluation.compliant_resources,
      violationCount: evaluation.violation_counts.total,
      byRegion: evaluation.by_region,
      kind: "ad_hoc",
      createdAt: ctx.deps.now(),
    });
    stored = true;
  }
  return {
    compliance_score: evaluation.compliance_score,
    total_resources: evaluation.total_resources,
    compliant_resources: evaluation.compliant_resources,
    non_compliant_resources: evaluation.non_compliant_resources,
    violation_counts: evaluation.violation_counts,
    violations: violations.items,
    violations_total: violations.total,
    next_cursor: violations.next_cursor,
    cost_attribution_gap: gap
      ? {
          total_spend: round2(gap.total),
          attributable_spend: round2(gap.attributable),
          unattributable_by_nature: round2(gap.unattributable_by_nature),
          gap: round2(gap.gap),
          gap_percentage: gap.gap_percentage,
          period: gap.period,
          currency: "USD",
        }
      : null,
    by_region: evaluation.by_region,
    by_account: evaluation.by_account,
    accounts: scan.accounts,
    regions: scan.regions,
    scan_timestamp: scan.scanned_at,
    stored_in_history: stored,
    data_quality: scan.data_quality,
    quota: scan.quota,
  };
}
