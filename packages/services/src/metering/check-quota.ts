import { type Client, type ClientTier, type Database, usageEvents } from "@tagc/db";
import { and, eq, sql, sum } from "drizzle-orm";
import { billingPeriod, MONTHLY_RESOURCE_QUOTA } from "../usage/quota";
import { resourceIdempotencyKey, uniqueSortedArns } from "./keys";

export interface ResourceQuotaInput {
  db: Database;
  /** ctx.client: the tier decides the limit. */
  client: Pick<Client, "id" | "tier">;
  now: Date;
  /** The ARNs a scan found and wants to evaluate. */
  arns: readonly string[];
}

export interface ResourceQuota {
  period: string;
  /** Unique resources per month for the tier; null is unlimited. */
  limit: number | null;
  /** Unique resources already counted this month, before this scan. */
  used: number;
  /** limit − used, never negative; null when unlimited. */
  remaining: number | null;
  /**
   * Sorted: every requested ARN already counted this month (free to rescan), plus the first `remaining`
   * new ones in sorted order, so the same request always covers the same resources.
   */
  allowedArns: string[];
  /** New ARNs left out because of the quota. */
  skipped: number;
  overQuota: boolean;
  /** Set when over quota: what was covered, what was not, and what to do. */
  message?: string;
}

const TIER_NAMES: Record<ClientTier, string> = {
  starter: "Starter",
  professional: "Professional",
  enterprise: "Enterprise",
};

const count = (n: number) => n.toLocaleString("en-US");

function nextPeriodStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/**
 * Runs before a scan is evaluated. Over quota the tool answers with `allowedArns` and `message`,
 * never a silent truncation. Two concurrent scans near the limit can both pass (the check is not a
 * reservation), so a month can exceed the limit by at most one scan's new resources.
 */
export async function checkResourceQuota({
  db,
  client,
  now,
  arns,
}: ResourceQuotaInput): Promise<ResourceQuota> {
  const period = billingPeriod(now);
  const limit = MONTHLY_RESOURCE_QUOTA[client.tier];
  const requested = uniqueSortedArns(arns);
  const mine = and(
    eq(usageEvents.clientId, client.id),
    eq(usageEvents.period, period),
    eq(usageEvents.kind, "resource"),
  );
  const [totals] = await db
    .select({ total: sum(usageEvents.quantity) })
    .from(usageEvents)
    .where(mine);
  const used = Number(totals?.total ?? 0);

  if (limit === null) {
    return { period, limit, used, remaining: null, allowedArns: requested, skipped: 0, overQuota: false };
  }

  const keyOf = new Map(requested.map((arn) => [resourceIdempotencyKey(client.id, period, arn), arn]));
  const counted = new Set<string>();
  if (keyOf.size > 0) {
    // One array parameter rather than `in (…)`: a 10,000-resource scan is one short statement.
    const rows = await db
      .select({ key: usageEvents.idempotencyKey })
      .from(usageEvents)
      .where(and(mine, sql`${usageEvents.idempotencyKey} = any(${sql.param([...keyOf.keys()])}::text[])`));
    for (const row of rows) {
      const arn = keyOf.get(row.key);
      if (arn !== undefined) counted.add(arn);
    }
  }

  const remaining = Math.max(0, limit - used);
  const fresh = requested.filter((arn) => !counted.has(arn));
  const admitted = new Set(fresh.slice(0, remaining));
  const allowedArns = requested.filter((arn) => counted.has(arn) || admitted.has(arn));
  const skipped = fresh.length - admitted.size;
  if (skipped === 0) return { period, limit, used, remaining, allowedArns, skipped, overQuota: false };

  const message =
    `Monthly resource quota reached: the ${TIER_NAMES[client.tier]} plan covers ${count(limit)} unique ` +
    `resources per month and ${count(used)} were already counted in ${period}. This answer covers ` +
    `${count(allowedArns.length)} of the ${count(requested.length)} resources found; ${count(skipped)} ` +
    "were left out, so the results are partial and must not be presented as account-wide. To cover " +
    `them, ask your administrator to upgrade the plan, or scan again after the quota resets on ` +
    `${nextPeriodStart(now)}.`;
  return { period, limit, used, remaining, allowedArns, skipped, overQuota: true, message };
}
