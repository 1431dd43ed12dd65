// The attribution gap for charts (console): the aggregates stored with the client's latest snapshot
// that read spend (core's GapSummary), so the page draws it without calling AWS. Null when no stored
// snapshot has spend yet.
import type { GapSummary } from "@tagc/core";
import { complianceSnapshots } from "@tagc/db";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { ClientCtx } from "../context";
import { tenantScoped } from "../scoped";

export const getLatestCostGap = tenantScoped(async function getLatestCostGap({
  ctx,
}: {
  ctx: ClientCtx;
}): Promise<(GapSummary & { snapshot_at: string; account_id: string }) | null> {
  // The client id comes from the context, never from input; row-level security backs the filter.
  const [row] = await ctx.deps.db
    .select({
      costGap: complianceSnapshots.costGap,
      createdAt: complianceSnapshots.createdAt,
      accountId: complianceSnapshots.accountId,
    })
    .from(complianceSnapshots)
    .where(and(eq(complianceSnapshots.clientId, ctx.client.id), isNotNull(complianceSnapshots.costGap)))
    .orderBy(desc(complianceSnapshots.createdAt))
    .limit(1);
  if (!row?.costGap) return null;
  return {
    ...(row.costGap as unknown as GapSummary),
    snapshot_at: row.createdAt.toISOString(),
    account_id: row.accountId,
  };
});
