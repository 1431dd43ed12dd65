import type { GapGroupBy } from "@tagc/core";
import type { ToolCtx } from "../context";
import { analyse } from "../scan/analyse";
import type { TimePeriod } from "../scan/costs";
import { resolveResourceTypes } from "../scan/scope";

export interface GapInput {
  resource_types: string[];
  time_period?: Partial<TimePeriod> | undefined;
  group_by?: GapGroupBy | undefined;
  filters?: { regions?: string[] | undefined; account_id?: string | undefined } | undefined;
  accounts?: string[] | undefined;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function getCostAttributionGap({ ctx, input }: { ctx: ToolCtx; input: GapInput }) {
  const resourceTypes = resolveResourceTypes(input.resource_types);
  const { gap, scan } = await analyse(ctx, {
    tool: "get_cost_attribution_gap",
    resourceTypes,
    allTypes: input.resource_types.includes("all"),
    regions: input.filters?.regions,
    accounts: input.filters?.account_id ? [input.filters.account_id] : input.accounts,
    withCosts: true,
    period: input.time_period,
    groupBy: input.group_by ?? "resource_type",
  });
  const g = gap!;
  return {
    total_spend: round2(g.total),
    attributable_spend: round2(g.attributable),
    unattributable_by_nature: round2(g.unattributable_by_nature),
    unattributable_services: g.unattributable_services,
    taggable_spend: round2(g.taggable_total),
    attribution_gap: round2(g.gap),
    attribution_gap_percentage: g.gap_percentage,
    group_by: g.group_by,
    breakdown: Object.fromEntries(
      Object.entries(g.breakdown).map(([key, group]) => [
        key,
        {
          ...group,
          total: round2(group.total),
          attributable: round2(group.attributable),
          gap: round2(group.gap),
        },
      ]),
    ),
    cost_sources: g.cost_sources,
    period: g.period,
    currency: "USD",
    data_quality: scan.data_quality,
  };
}
