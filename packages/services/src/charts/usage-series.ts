// Usage over a billing month for charts: per UTC day the scans and the unique resources first counted
// that day, the running total the quota is measured against, and the tier's quota.
import { usageEvents } from "@tagc/db";
import { and, eq, sql, sum } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { billingPeriod, MONTHLY_RESOURCE_QUOTA, periodBounds } from "../usage/quota";

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface UsageDay {
  /** "2026-10-15" (UTC). */
  day: string;
  scans: number;
  /** Unique resources first counted this day (a resource counts once per month). */
  new_resources: number;
  /** Unique resources counted so far this month: what the quota is compared with. */
  cumulative_resources: number;
}

/** The month's usage by day; this replica's batched usage events are written first. */
export async function getUsageSeries(args: { ctx: ClientCtx; input: { period?: string | undefined } }) {
  await args.ctx.deps.usage?.flush();
  return seriesWritten(args);
}

const seriesWritten = tenantScoped(async function seriesWritten({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  /** `YYYY-MM`; default the current billing month. */
  input: { period?: string | undefined };
}) {
  const now = ctx.deps.now();
  const period = input.period ?? billingPeriod(now);
  const { start, end } = periodBounds(period);
  const day = sql<string>`to_char(${usageEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await ctx.deps.db
    .select({ day, kind: usageEvents.kind, total: sum(usageEvents.quantity) })
    .from(usageEvents)
    .where(and(eq(usageEvents.clientId, ctx.client.id), eq(usageEvents.period, period)))
    .groupBy(day, usageEvents.kind);
  // Every day of the month up to today (the whole month for a past one), so a quiet day reads 0.
  const last = Math.min(end.getTime() - DAY, Math.max(start.getTime(), now.getTime()));
  const [first, final] = [isoDay(start.getTime()), isoDay(last)];
  // A row stamped outside the listed days (clock skew at midnight) counts on the nearest one, so the
  // running total always ends at the month's unique resources.
  const totals = new Map<string, number>();
  for (const row of rows) {
    let d = row.day;
    if (d < first) d = first;
    if (d > final) d = final;
    totals.set(`${d}|${row.kind}`, (totals.get(`${d}|${row.kind}`) ?? 0) + Number(row.total ?? 0));
  }
  const amount = (d: string, kind: string) => totals.get(`${d}|${kind}`) ?? 0;
  const days: UsageDay[] = [];
  let cumulative = 0;
  for (let t = start.getTime(); t <= last; t += DAY) {
    const d = isoDay(t);
    const fresh = amount(d, "resource");
    cumulative += fresh;
    days.push({ day: d, scans: amount(d, "scan"), new_resources: fresh, cumulative_resources: cumulative });
  }
  return { period, tier: ctx.client.tier, quota: MONTHLY_RESOURCE_QUOTA[ctx.client.tier], days };
});
