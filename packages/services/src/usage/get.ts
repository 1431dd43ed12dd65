import { auditEvents, usageEvents } from "@tagc/db";
import { and, count, eq, gte, lt, sql, sum } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";
import { billingPeriod, MONTHLY_RESOURCE_QUOTA, periodBounds } from "./quota";

/**
 * Scans, unique resources, regions covered and tool calls for one month, with quota and remaining.
 * This replica's batched usage events and audit rows are written first, so its own calls are counted
 * (another replica's last window may still be in flight).
 */
export async function getUsage(args: { ctx: ClientCtx; input: { period?: string | undefined } }) {
  await Promise.all([args.ctx.deps.usage?.flush(), args.ctx.deps.audit?.flush()]);
  return usageWritten(args);
}

const usageWritten = tenantScoped(async function usageWritten({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: { period?: string | undefined };
}) {
  const period = input.period ?? billingPeriod(ctx.deps.now());
  const { start, end } = periodBounds(period);
  const { db } = ctx.deps;
  const mine = and(eq(usageEvents.clientId, ctx.client.id), eq(usageEvents.period, period));
  const byKind = await db
    .select({ kind: usageEvents.kind, total: sum(usageEvents.quantity) })
    .from(usageEvents)
    .where(mine)
    .groupBy(usageEvents.kind);
  const regions = await db
    .selectDistinct({ region: sql<string>`jsonb_array_elements_text(${usageEvents.metadata} -> 'regions')` })
    .from(usageEvents)
    .where(and(mine, eq(usageEvents.kind, "scan")));
  const tools = await db
    .select({ operation: auditEvents.operation, calls: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.clientId, ctx.client.id),
        eq(auditEvents.actor, "api_key"),
        gte(auditEvents.createdAt, start),
        lt(auditEvents.createdAt, end),
      ),
    )
    .groupBy(auditEvents.operation);
  const total = (kind: string) => Number(byKind.find((row) => row.kind === kind)?.total ?? 0);
  const quota = MONTHLY_RESOURCE_QUOTA[ctx.client.tier];
  const resources = total("resource");
  return {
    client_id: ctx.client.id,
    period,
    tier: ctx.client.tier,
    scans: total("scan"),
    unique_resources: resources,
    regions_covered: regions.map((r) => r.region).sort(),
    tool_calls: Object.fromEntries(tools.map((t) => [t.operation, Number(t.calls)]).sort()),
    quota: { unique_resources: quota, remaining: quota === null ? null : Math.max(0, quota - resources) },
  };
});
