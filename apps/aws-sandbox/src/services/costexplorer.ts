// Cost Explorer (JSON 1.1, AWSInsightsIndexService): GetCostAndUsage over the caller's seeded
// spend (GroupBy SERVICE, USAGE_TYPE, LINKED_ACCOUNT or a tag), and ListCostAllocationTags. Pages
// run over the flattened (period, group) list, so one period's groups may continue on the next page,
// as they do in AWS.
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { optionalString, pageScope } from "./common";
import { listCostAllocationTags } from "./costexplorer/allocation-tags";
import { costsByPeriod, formatAmount, isoDay, type Period } from "./costexplorer/compute";
import { COST_METRICS, type CostQuery, DAY_MS, parseQuery } from "./costexplorer/request";

/** Items (a group, or a period with no groups) per page. */
export const CE_PAGE_SIZE = 50;

interface Item {
  period: Period;
  group?: { keys: string[]; amount: number };
  /** Set when the query has no GroupBy: the period's total. */
  total?: number;
}

interface ResultByTime {
  TimePeriod: { Start: string; End: string };
  Total: Record<string, { Amount: string; Unit: string }>;
  Groups: { Keys: string[]; Metrics: Record<string, { Amount: string; Unit: string }> }[];
  Estimated: boolean;
}

/** Usage metrics are not seeded: they report zero in no particular unit. */
const metricValues = (query: CostQuery, amount: number) =>
  Object.fromEntries(
    query.metrics.map((m) => [
      m,
      COST_METRICS.has(m) ? { Amount: formatAmount(amount), Unit: "USD" } : { Amount: "0", Unit: "N/A" },
    ]),
  );

function flatten(query: CostQuery, ctx: OpContext): Item[] {
  const items: Item[] = [];
  for (const { period, total, groups } of costsByPeriod(query, ctx.account.costs, ctx.account.id)) {
    if (!query.groupBy.length) {
      items.push({ period, total });
      continue;
    }
    const sorted = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
    if (!sorted.length) items.push({ period });
    for (const group of sorted) items.push({ period, group });
  }
  return items;
}

function getCostAndUsage(ctx: OpContext, input: OpInput) {
  const query = parseQuery(input);
  const scope = pageScope(ctx, "GetCostAndUsage", input, ["NextPageToken"]);
  const token = optionalString(input, "NextPageToken");
  const result = page(flatten(query, ctx), {
    token,
    size: CE_PAGE_SIZE,
    scope,
    code: "InvalidNextTokenException",
    param: "NextPageToken",
  });
  // Spend up to yesterday is final; a period reaching today or later is still an estimate.
  const today = Math.floor(ctx.now / DAY_MS) * DAY_MS;
  const resultsByTime: ResultByTime[] = [];
  for (const item of result.items) {
    let entry = resultsByTime.at(-1);
    if (!entry || entry.TimePeriod.Start !== isoDay(item.period.start)) {
      entry = {
        TimePeriod: { Start: isoDay(item.period.start), End: isoDay(item.period.end) },
        Total: item.total === undefined ? {} : metricValues(query, item.total),
        Groups: [],
        Estimated: item.period.end > today,
      };
      resultsByTime.push(entry);
    }
    if (item.group)
      entry.Groups.push({ Keys: item.group.keys, Metrics: metricValues(query, item.group.amount) });
  }
  const byAccount = query.groupBy.some((g) => g.Type === "DIMENSION" && g.Key === "LINKED_ACCOUNT");
  return {
    ...(result.next ? { NextPageToken: result.next } : {}),
    ...(query.groupBy.length ? { GroupDefinitions: query.groupBy } : {}),
    ResultsByTime: resultsByTime,
    DimensionValueAttributes: byAccount
      ? [{ Value: ctx.account.id, Attributes: { description: ctx.account.name || ctx.account.id } }]
      : [],
  };
}

export const costExplorer: OperationTable = {
  GetCostAndUsage: { action: "ce:GetCostAndUsage", handle: getCostAndUsage },
  ListCostAllocationTags: { action: "ce:ListCostAllocationTags", handle: listCostAllocationTags },
};
