// The snapshots a trend is drawn from (get_violation_history, the score chart): one tenant's, oldest
// first, without the partial ad-hoc scans (a failed region or a denied type would draw a false dip).
// Scheduled snapshots stay even when partial: a scheduled series must not have holes.
import { type ComplianceSnapshot, complianceSnapshots, type Database, type SnapshotKind } from "@tagc/db";
import { and, asc, eq, gte, lte } from "drizzle-orm";

export interface SnapshotWindow {
  since: Date;
  until?: Date | undefined;
  kind?: SnapshotKind | "all" | undefined;
}

/** Run it inside scoped(ctx): the client id filter is the query's, row-level security backs it. */
export async function readTrendSnapshots(
  db: Database,
  clientId: string,
  { since, until, kind = "all" }: SnapshotWindow,
): Promise<{ usable: ComplianceSnapshot[]; excluded: number }> {
  const rows = await db
    .select()
    .from(complianceSnapshots)
    .where(
      and(
        eq(complianceSnapshots.clientId, clientId),
        gte(complianceSnapshots.createdAt, since),
        ...(until ? [lte(complianceSnapshots.createdAt, until)] : []),
        ...(kind === "all" ? [] : [eq(complianceSnapshots.kind, kind)]),
      ),
    )
    .orderBy(asc(complianceSnapshots.createdAt));
  const usable = rows.filter((r) => r.kind === "scheduled" || r.scope.data_quality !== "partial");
  return { usable, excluded: rows.length - usable.length };
}

/** A stored snapshot in core's shape, for its trend and history aggregations. */
export function trendPoint(row: ComplianceSnapshot) {
  return {
    account_id: row.accountId,
    created_at: row.createdAt,
    score: row.score,
    total: row.total,
    compliant: row.compliant,
    violations: row.violationCount,
    kind: row.kind,
  };
}
