// The since/until window of a chart read: ISO dates or date-times, defaulting to the 30 days up to
// now, refused (naming the field) when unreadable, reversed or longer than a year.
import { invalid } from "../errors";

const DAY = 86_400_000;
export const DEFAULT_CHART_DAYS = 30;
export const MAX_CHART_DAYS = 366;

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function instant(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = ISO.test(value) ? Date.parse(value) : Number.NaN;
  // A round trip catches dates the shape admits but the calendar does not (2026-02-30).
  const day = value.slice(0, 10);
  if (Number.isNaN(time) || new Date(Date.parse(day)).toISOString().slice(0, 10) !== day)
    throw invalid(field, "must be an ISO 8601 date (2026-10-01) or date-time (2026-10-01T12:00:00Z)");
  return new Date(time);
}

export function chartRange(now: Date, input: { since?: string | undefined; until?: string | undefined }) {
  const until = instant("until", input.until) ?? now;
  const since = instant("since", input.since) ?? new Date(until.getTime() - DEFAULT_CHART_DAYS * DAY);
  if (since.getTime() > until.getTime()) throw invalid("since", "must not be after until");
  if (until.getTime() - since.getTime() > MAX_CHART_DAYS * DAY)
    throw invalid("since", `must be at most ${MAX_CHART_DAYS} days before until`);
  return { since, until };
}
