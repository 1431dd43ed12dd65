import { aggregateHistory, type HistoryGranularity } from "@tagc/core";
import { complianceSnapshots } from "@tagc/db";
import { and, asc, eq, gte } from "drizzle-orm";
import type { ToolCtx } from "../context";

export interface HistoryInput {
  days_back?: number | undefined;
  group_by?: HistoryGranularity | undefined;
  /** Which series: `scheduled` is the trend; ad-hoc partial scans never pollute it. */
  kind?: "scheduled" | "ad_hoc" | "all" | undefined;
}

export async function getViolationHistory({ ctx, input }: { ctx: ToolCtx; input: HistoryInput }) {
  const days = input.days_back ?? 30;
  const since = new Date(ctx.deps.now().getTime() - days * 86_400_000);
  const kind = input.kind ?? "all";
  const rows = await ctx.deps.db
    .select()
    .from(complianceSnapshots)
    .where(
      and(
        eq(complianceSnapshots.clientId, ctx.client.id),
        gte(complianceSnapshots.createdAt, since),
        ...(kind === "all" ? [] : [eq(complianceSnapshots.kind, kind)]),
      ),
    )
    .orderBy(asc(complianceSnapshots.createdAt));
  // Ad-hoc scans that were partial (a failed region, a denied type) never enter the trend.
  const usable = rows.filter((r) => r.kind === "scheduled" || r.scope.data_quality !== "partial");
  const history = aggregateHistory(
    usable.map((r) => ({
      created_at: r.createdAt,
      score: r.score,
      total: r.total,
      compliant: r.compliant,
      violations: r.violationCount,
      kind: r.kind,
    })),
    input.group_by ?? "day",
  );
  return {
    ...history,
    days_back: days,
    kind,
    snapshot_count: usable.length,
    excluded_partial: rows.length - usable.length,
    note: rows.length
      ? null
      : "No snapshots yet: call check_tag_compliance with store_snapshot: true, or schedule an audit.",
  };
}
