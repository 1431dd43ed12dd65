// get_violation_history: stored compliance snapshots grouped into day, week or month periods.
import { roundScore } from "../compliance/ratio";
import { type HistoryGranularity, periodLabel, periodStart } from "./period";
import { type HistoryTrend, trendBetween } from "./trend";

export interface ComplianceSnapshot {
  /** A Date from the database or an ISO-8601 string. */
  created_at: Date | string;
  /** null: the scan read nothing, so it has no score (it still counts as a snapshot). */
  score: number | null;
  total: number;
  compliant: number;
  violations: number;
  kind: "scheduled" | "ad_hoc";
}

export interface HistoryPeriod {
  /** "2026-01-05" for a day or a week (its Monday), "2026-01" for a month. */
  period: string;
  period_start: string;
  snapshot_count: number;
  /** Unweighted mean of the scored snapshots, 4 decimals; null when none of the period's had a score. */
  mean_score: number | null;
  total_resources: number;
  compliant_resources: number;
  violations: number;
}

export interface ViolationHistory {
  group_by: HistoryGranularity;
  /** Oldest first. */
  periods: HistoryPeriod[];
  trend: HistoryTrend;
}

export function aggregateHistory(
  snapshots: readonly ComplianceSnapshot[],
  groupBy: HistoryGranularity,
): ViolationHistory {
  const buckets = new Map<string, ComplianceSnapshot[]>();
  for (const snapshot of snapshots) {
    const at = new Date(snapshot.created_at);
    // A row with an unreadable timestamp cannot be placed in a period; it is left out rather than
    // failing the whole history.
    if (Number.isNaN(at.getTime())) continue;
    const start = periodStart(at, groupBy);
    buckets.set(start, [...(buckets.get(start) ?? []), snapshot]);
  }
  const periods = [...buckets.keys()].sort().map((start): HistoryPeriod => {
    const group = buckets.get(start)!;
    const sum = (pick: (snapshot: ComplianceSnapshot) => number) =>
      group.reduce((total, s) => total + pick(s), 0);
    // Snapshots without a score (nothing read) are counted but never averaged in as 0 or 1.
    const scores = group.flatMap((s) => (s.score === null ? [] : [s.score]));
    return {
      period: periodLabel(start, groupBy),
      period_start: start,
      snapshot_count: group.length,
      mean_score: scores.length ? roundScore(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      total_resources: sum((s) => s.total),
      compliant_resources: sum((s) => s.compliant),
      violations: sum((s) => s.violations),
    };
  });
  // The trend runs between the first and last periods that have a score.
  const scored = periods.flatMap((p) =>
    p.mean_score === null ? [] : [{ period: p.period, mean_score: p.mean_score }],
  );
  return { group_by: groupBy, periods, trend: trendBetween(scored[0], scored.at(-1)) };
}
