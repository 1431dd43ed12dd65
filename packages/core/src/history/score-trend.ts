// The compliance score over time as chart series: one point per UTC day, per account and overall.
// A day's account point is that account's last snapshot of the day (a rescan replaces the morning's
// reading, it does not average with it); the overall point weighs those by resources,
// Σ compliant / Σ total, so a 3-resource account cannot outweigh a 3,000-resource one.
import { roundScore } from "../compliance/ratio";

export interface TrendSnapshot {
  account_id: string;
  created_at: Date | string;
  /** null: the scan read nothing, so the day has no reading (a gap in the chart, never a 0). */
  score: number | null;
  total: number;
  compliant: number;
}

export interface TrendPoint {
  /** The UTC day, "2026-10-15". */
  day: string;
  score: number | null;
}

export interface ScoreTrend {
  /** Every day (oldest first) on which some account has a snapshot. */
  days: string[];
  overall: TrendPoint[];
  /** Sorted by account id; each has a point for every day (null where it has no snapshot). */
  accounts: { account_id: string; points: TrendPoint[] }[];
}

const dayOf = (at: Date | string) => new Date(at).toISOString().slice(0, 10);

export function scoreTrend(snapshots: readonly TrendSnapshot[]): ScoreTrend {
  const latest = new Map<string, Map<string, TrendSnapshot>>();
  const ordered = [...snapshots].sort(
    (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime(),
  );
  for (const snapshot of ordered) {
    const day = dayOf(snapshot.created_at);
    const accounts = latest.get(day) ?? new Map<string, TrendSnapshot>();
    accounts.set(snapshot.account_id, snapshot);
    latest.set(day, accounts);
  }
  const days = [...latest.keys()].sort();
  const accountIds = [...new Set(snapshots.map((s) => s.account_id))].sort();
  const overall = days.map((day) => {
    const readings = [...latest.get(day)!.values()].filter((s) => s.score !== null);
    const total = readings.reduce((sum, s) => sum + s.total, 0);
    const compliant = readings.reduce((sum, s) => sum + s.compliant, 0);
    return { day, score: total > 0 ? roundScore(compliant / total) : null };
  });
  const accounts = accountIds.map((account_id) => ({
    account_id,
    points: days.map((day) => ({ day, score: latest.get(day)!.get(account_id)?.score ?? null })),
  }));
  return { days, overall, accounts };
}
