// The trend get_violation_history reports: first period against last, in score points.

export type TrendDirection = "improving" | "declining" | "stable";

/**
 * Changes smaller than one point (0.01 of score) are noise from which resources happened to be
 * scanned, not a trend: |change| < 1 point is "stable"; exactly 1 point already counts as a move.
 */
export const STABLE_BAND_POINTS = 1;

export interface HistoryTrend {
  direction: TrendDirection;
  /** (last mean score - first mean score) x 100, rounded to 2 decimals. */
  change_points: number;
  /** Null when there is no period: then the trend is "stable" by default, with no evidence. */
  from_period: string | null;
  to_period: string | null;
}

export function trendBetween(
  first: { period: string; mean_score: number } | undefined,
  last: { period: string; mean_score: number } | undefined,
): HistoryTrend {
  if (!first || !last) return { direction: "stable", change_points: 0, from_period: null, to_period: null };
  // Rounding first removes float noise (0.81 - 0.80 = 0.010000000000000009) before the band test.
  const change = Math.round((last.mean_score - first.mean_score) * 100 * 100) / 100;
  const direction: TrendDirection =
    Math.abs(change) < STABLE_BAND_POINTS ? "stable" : change > 0 ? "improving" : "declining";
  return {
    direction,
    change_points: change === 0 ? 0 : change,
    from_period: first.period,
    to_period: last.period,
  };
}
