import { findUntaggedResources as selectUntagged, spreadCosts } from "@tagc/core";
import { currentPolicy } from "../../policy/current";
import type { ToolCtx } from "../context";
import { pageOf } from "../page";
import { costDataFor, resolvePeriod } from "../scan/costs";
import { runScan } from "../scan/run";
import { resolveResourceTypes } from "../scan/scope";
import { scanTargets } from "../scan/targets";

export interface FindUntaggedInput {
  resource_types: string[];
  regions?: string[] | undefined;
  accounts?: string[] | undefined;
  include_costs?: boolean | undefined;
  min_cost_threshold?: number | undefined;
  cursor?: string | undefined;
}

export async function findUntaggedResources({ ctx, input }: { ctx: ToolCtx; input: FindUntaggedInput }) {
  const resourceTypes = resolveResourceTypes(input.resource_types);
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  const targets = await scanTargets(ctx, input.accounts);
  const scan = await runScan(ctx, {
    tool: "find_untagged_resources",
    resourceTypes,
    regions: input.regions,
    targets,
    policyVersion: row.version,
  });
  // A cost threshold implies costs.
  const withCosts = input.include_costs === true || input.min_cost_threshold !== undefined;
  let costs: ReturnType<typeof spreadCosts> | undefined;
  if (withCosts) {
    const { costData, issues } = await costDataFor(ctx, targets, resolvePeriod(ctx.deps.now()));
    costs = spreadCosts({ resources: scan.resources, costData });
    if (issues.length) {
      scan.data_quality.issues.push(...issues);
      scan.data_quality.status = "partial";
    }
  }
  const result = selectUntagged({
    policy,
    resources: scan.resources,
    resourceTypes,
    now: ctx.deps.now(),
    ...(costs ? { costs } : {}),
    ...(input.min_cost_threshold !== undefined ? { minCostThreshold: input.min_cost_threshold } : {}),
  });
  const page = pageOf(result.resources, input.cursor);
  return {
    resources: page.items,
    total_untagged: result.total_untagged,
    next_cursor: page.next_cursor,
    total_monthly_cost: result.total_monthly_cost ?? null,
    cost_note: withCosts
      ? "Monthly costs are estimates from Cost Explorer for the last 30 days: a resource whose Name tag matches Cost Explorer's Name group gets that amount (matched); stopped instances get $0 compute (stopped); the rest of a service's spend is shared equally among its running resources (estimated)."
      : null,
    scan_timestamp: scan.scanned_at,
    data_quality: scan.data_quality,
  };
}
