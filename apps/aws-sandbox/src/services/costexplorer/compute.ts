// Cost Explorer arithmetic: the periods a query spans, and seeded spend prorated into them by the
// number of days each cost record overlaps a period.
import type { CostSeed } from "../../seed/schema";
import { type CostQuery, DAY_MS, type GroupDef } from "./request";

export interface Period {
  start: number;
  end: number;
}

export interface PeriodCosts {
  period: Period;
  total: number;
  /** Keyed by the group's keys joined with NUL; only groups with spend in this period appear. */
  groups: Map<string, { keys: string[]; amount: number }>;
}

/** MONTHLY: calendar months clipped to the query; DAILY: one period per day. End is exclusive. */
export function periods(query: CostQuery): Period[] {
  const out: Period[] = [];
  for (let start = query.start; start < query.end; ) {
    const date = new Date(start);
    const next =
      query.granularity === "DAILY"
        ? start + DAY_MS
        : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    const end = Math.min(next, query.end);
    out.push({ start, end });
    start = end;
  }
  return out;
}

// Every page of a query prorates every seeded row again, so the few distinct dates are parsed once.
const days = new Map<string, number>();
function dayOf(text: string): number {
  let day = days.get(text);
  if (day === undefined) {
    day = Date.parse(`${text}T00:00:00Z`);
    if (days.size < 10_000) days.set(text, day);
  }
  return day;
}

/** The part of a record's amount falling in `period`: amount × overlapping days ÷ record days. */
function prorated(cost: CostSeed, period: Period): number | undefined {
  const start = dayOf(cost.start);
  const end = dayOf(cost.end);
  const overlap = Math.min(end, period.end) - Math.max(start, period.start);
  if (end <= start || overlap <= 0) return undefined;
  return (cost.amount * (overlap / DAY_MS)) / ((end - start) / DAY_MS);
}

/** A seed row that names no usage type: the sandbox's label, never a real AWS usage type. */
export const NO_USAGE_TYPE = "NoUsageType";

/** Tag groups read "Key$value"; the seed carries only the Name tag, so other keys are untagged ("Key$"). */
function groupKey(cost: CostSeed, def: GroupDef, accountId: string): string {
  if (def.Type === "TAG") return `${def.Key}$${def.Key === "Name" ? (cost.name ?? "") : ""}`;
  if (def.Key === "USAGE_TYPE") return cost.usage_type ?? NO_USAGE_TYPE;
  return def.Key === "LINKED_ACCOUNT" ? accountId : cost.service;
}

export function costsByPeriod(query: CostQuery, costs: CostSeed[], accountId: string): PeriodCosts[] {
  const relevant = query.services ? costs.filter((c) => query.services!.has(c.service)) : costs;
  return periods(query).map((period) => {
    const result: PeriodCosts = { period, total: 0, groups: new Map() };
    for (const cost of relevant) {
      const amount = prorated(cost, period);
      if (amount === undefined) continue;
      result.total += amount;
      if (!query.groupBy.length) continue;
      const keys = query.groupBy.map((def) => groupKey(cost, def, accountId));
      const id = keys.join("\u0000");
      const group = result.groups.get(id) ?? { keys, amount: 0 };
      group.amount += amount;
      result.groups.set(id, group);
    }
    return result;
  });
}

/** Amounts as Cost Explorer writes them: a decimal string with ten places ("0" for nothing). */
export const formatAmount = (amount: number) => (amount === 0 ? "0" : amount.toFixed(10));

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
