// Cost Explorer spend for the planned accounts, cached per client and account for an hour: every
// GetCostAndUsage call costs the customer money. Runs alongside discovery: it depends on the
// accounts, never on the resources. A failed account is reported, never silently zero.
// Each account's cost-allocation tags (ce:ListCostAllocationTags) are read with its spend: a required
// key Cost Explorer cannot split by makes that account's attributable spend unknowable.
import { fetchCostData, listActiveCostAllocationTags } from "@tagc/aws";
import type { CostData } from "@tagc/core";
import type { ToolCtx } from "../context";
import type { PlannedTarget, ScanPlan } from "./plan";
import type { ScanIssue, TimePeriod } from "./types";

const COST_TTL_S = 3600;
const MEMO_MS = 5 * 60_000;

export interface Spend {
  costData: CostData;
  issues: ScanIssue[];
  /** Per account read: the tag keys active for cost allocation, or null when they could not be read. */
  allocation: Record<string, string[] | null>;
}

function merge(parts: CostData[], period: TimePeriod): CostData {
  const merged: CostData = {
    period: { start: period.Start, end: period.End },
    by_service: {},
    by_service_name_tag: {},
  };
  for (const part of parts) {
    for (const [service, amount] of Object.entries(part.by_service))
      merged.by_service[service] = (merged.by_service[service] ?? 0) + amount;
    for (const [service, names] of Object.entries(part.by_service_name_tag)) {
      const into = merged.by_service_name_tag[service] ?? {};
      merged.by_service_name_tag[service] = into;
      for (const [name, amount] of Object.entries(names)) into[name] = (into[name] ?? 0) + amount;
    }
  }
  return merged;
}

export async function spendFor(ctx: ToolCtx, plan: ScanPlan): Promise<Spend | undefined> {
  const { period } = plan;
  if (!period) return undefined;
  // Warm calls reuse the parsed, merged spend of this process; it follows the shared cache's hour.
  const key = `costs:${plan.targets.map((t) => t.accountId).join(",")}:${period.Start}:${period.End}`;
  const now = ctx.deps.now().getTime();
  const memo = ctx.scans.spend.get(ctx.client.id, key, now);
  if (memo) return memo;
  const issues: ScanIssue[] = [];
  const read = async (target: PlannedTarget): Promise<CostData | undefined> => {
    try {
      return await ctx.cache.getOrCompute(
        // v2: EC2 - Other split by usage type; an unsplit entry from before must not be reused.
        `costs:v2:${target.accountId}:${period.Start}:${period.End}`,
        COST_TTL_S,
        async () =>
          fetchCostData({ config: ctx.deps.aws, credentials: target.credentials, timePeriod: period }),
      );
    } catch (error) {
      issues.push({
        scope: "account",
        account_id: target.accountId,
        code: typeof error === "object" && error && "code" in error ? String(error.code) : "UNKNOWN",
        message:
          "Cost Explorer could not be read for this account (ce:GetCostAndUsage); costs are missing for it.",
      });
      return undefined;
    }
  };
  const [parts, allocations] = await Promise.all([
    Promise.all(plan.targets.map(read)),
    Promise.all(plan.targets.map((target) => activeAllocationKeys(ctx, target))),
  ]);
  const spend: Spend = {
    costData: merge(
      parts.filter((p): p is CostData => !!p),
      period,
    ),
    issues,
    allocation: Object.fromEntries(
      plan.targets.map((target, i) => [target.accountId, allocations[i] ?? null]),
    ),
  };
  // A failed read is not memoised: the next call tries Cost Explorer again.
  if (!issues.length) ctx.scans.spend.set(ctx.client.id, key, spend, now + MEMO_MS);
  return spend;
}

/**
 * The account's active cost-allocation keys, cached like its spend. Unreadable (an older stack
 * without ce:ListCostAllocationTags, or a member account AWS refuses) is null: unknown, which the
 * gap reports, rather than a scan failure.
 */
async function activeAllocationKeys(ctx: ToolCtx, target: PlannedTarget): Promise<string[] | null> {
  try {
    return await ctx.cache.getOrCompute(`cost-allocation-tags:${target.accountId}`, COST_TTL_S, () =>
      listActiveCostAllocationTags({ config: ctx.deps.aws, credentials: target.credentials }),
    );
  } catch {
    return null;
  }
}
