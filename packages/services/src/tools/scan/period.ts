// The Cost Explorer period of a call: the last 30 days by default, or an explicit one.
import { invalid } from "../../errors";
import type { TimePeriod } from "./types";

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Default: the last 30 days. Explicit periods: YYYY-MM-DD, End after Start, at most 365 days. */
export function resolvePeriod(now: Date, period?: Partial<TimePeriod>): TimePeriod {
  if (!period?.Start && !period?.End) {
    const end = now.toISOString().slice(0, 10);
    return { Start: new Date(now.getTime() - 30 * DAY_MS).toISOString().slice(0, 10), End: end };
  }
  const checked = (name: "Start" | "End", value: string | undefined): string => {
    if (!value || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw invalid(`time_period.${name}`, "must be a date YYYY-MM-DD");
    }
    return value;
  };
  const Start = checked("Start", period.Start);
  const End = checked("End", period.End);
  const days = (Date.parse(`${End}T00:00:00Z`) - Date.parse(`${Start}T00:00:00Z`)) / DAY_MS;
  if (days <= 0) throw invalid("time_period.End", "must be after time_period.Start");
  if (days > 365) throw invalid("time_period", "may span at most 365 days");
  return { Start, End };
}
