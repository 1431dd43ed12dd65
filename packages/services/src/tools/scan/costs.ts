// Cost Explorer spend for the client's accounts, cached per client and account for an hour: every
// GetCostAndUsage call costs the customer money.
import { fetchCostAndUsage } from "@tagc/aws";
import { type CostData, costDataFromCostExplorer } from "@tagc/core";
import type { ToolCtx } from "../context";
import { invalidInput } from "../errors";
import { credentialsFor } from "./credentials";
import { memoGet, memoKey, memoSet } from "./memo";
import type { ScanIssue } from "./run";
import type { ScanTarget } from "./targets";

const COST_TTL_S = 3600;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface TimePeriod {
  Start: string;
  End: string;
}

/** Default: the last 30 days. Explicit periods: YYYY-MM-DD, End after Start, at most 365 days. */
export function resolvePeriod(now: Date, period?: Partial<TimePeriod>): TimePeriod {
  if (!period?.Start && !period?.End) {
    const end = now.toISOString().slice(0, 10);
    return { Start: new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10), End: end };
  }
  const { Start, End } = period;
  for (const [name, value] of [
    ["Start", Start],
    ["End", End],
  ] as const) {
    if (!value || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw invalidInput(`time_period.${name}`, "must be a date YYYY-MM-DD");
    }
  }
  const days = (Date.parse(`${End}T00:00:00Z`) - Date.parse(`${Start}T00:00:00Z`)) / DAY_MS;
  if (days <= 0) throw invalidInput("time_period.End", "must be after time_period.Start");
  if (days > 365) throw invalidInput("time_period", "may span at most 365 days");
  return { Start: Start!, End: End! };
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
      merged.by_service_name_tag[service] ??= {};
      const into = merged.by_service_name_tag[service];
      for (const [name, amount] of Object.entries(names)) into[name] = (into[name] ?? 0) + amount;
    }
  }
  return merged;
}

/** Spend per service and per Name tag; a failed account is reported, never silently zero. */
export async function costDataFor(ctx: ToolCtx, targets: ScanTarget[], period: TimePeriod) {
  // Warm calls reuse the parsed, merged spend of this process; it follows the shared cache's hour.
  const local = memoKey(
    ctx.client.id,
    `costs:${targets.map((t) => t.accountId).join(",")}:${period.Start}:${period.End}`,
  );
  const now = ctx.deps.now().getTime();
  const memo = memoGet<{ costData: CostData; issues: ScanIssue[] }>(local, now);
  if (memo) return memo;
  const issues: ScanIssue[] = [];
  const parts = await Promise.all(
    targets.map(async (target) => {
      try {
        const credentials = await credentialsFor(ctx, target);
        return await ctx.cache.getOrCompute(
          `costs:${target.accountId}:${period.Start}:${period.End}`,
          COST_TTL_S,
          async () =>
            costDataFromCostExplorer(
              await fetchCostAndUsage({ config: ctx.deps.aws, credentials, timePeriod: period }),
            ),
        );
      } catch (error) {
        if ((error as { name?: string }).name === "ToolError") throw error;
        issues.push({
          scope: "account",
          account_id: target.accountId,
          code: (error as { code?: string }).code ?? "UNKNOWN",
          message:
            "Cost Explorer could not be read for this account (ce:GetCostAndUsage); costs are missing for it.",
        });
        return undefined;
      }
    }),
  );
  const result = {
    costData: merge(
      parts.filter((p): p is CostData => !!p),
      period,
    ),
    issues,
  };
  // A failed read is not memoised: the next call tries Cost Explorer again.
  if (!issues.length) memoSet(local, result, now + 5 * 60_000);
  return result;
}
