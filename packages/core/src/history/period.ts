// Calendar buckets for get_violation_history, all in UTC so a period never depends on the server's
// time zone.

export type HistoryGranularity = "day" | "week" | "month";

const DAY_MS = 86_400_000;

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** First day (YYYY-MM-DD, UTC) of the period holding `at`; weeks start on Monday (ISO 8601). */
export function periodStart(at: Date, granularity: HistoryGranularity): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (granularity === "day") return isoDate(midnight);
  if (granularity === "month") return isoDate(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const daysSinceMonday = (at.getUTCDay() + 6) % 7; // getUTCDay: Sunday = 0
  return isoDate(midnight - daysSinceMonday * DAY_MS);
}

/** Human label: the date for days and weeks, "YYYY-MM" for months. */
export function periodLabel(start: string, granularity: HistoryGranularity): string {
  return granularity === "month" ? start.slice(0, 7) : start;
}
