// The next occurrences of a cron expression, in a time zone. cron-parser walks wall-clock time in
// `tz` (via luxon), so DST is handled by the library rather than by offset arithmetic here: a time
// skipped by a spring-forward change runs at the same minute of the next hour, and a time repeated
// by a fall-back change runs once, at its first (summer-time) occurrence.
import { CronExpressionParser } from "cron-parser";
import { CoreInputError } from "../errors";
import { parseCronSchedule } from "./cron";
import { normalizeTimezone } from "./validate";

export const MAX_RUNS = 100;

/** The first `count` occurrences strictly after `from`, as ISO-8601 UTC strings. */
export function nextRuns(cron: string, timezone: string, from: Date, count: number): string[] {
  const { expression } = parseCronSchedule(cron, "cron");
  const tz = normalizeTimezone(timezone);
  if (Number.isNaN(from.getTime())) throw new CoreInputError("from", "from must be a valid date");
  if (!Number.isInteger(count) || count < 1 || count > MAX_RUNS) {
    throw new CoreInputError("count", `count must be an integer between 1 and ${MAX_RUNS}, got ${count}`);
  }
  const iterator = CronExpressionParser.parse(expression, { tz, currentDate: from });
  return Array.from({ length: count }, () => iterator.next().toDate().toISOString());
}
