// Cron expressions: the presets a user picks (daily, weekly, monthly) and the 5-field expressions
// a user may type (OpenOps workflows). cron-parser accepts more than the classic 5-field syntax
// (seconds, L, #, H, 4-field input), so the shape is checked here before cron-parser checks ranges.
import { CronExpressionParser } from "cron-parser";
import { CoreInputError } from "../errors";
import type { TimeOfDay } from "./validate";

export const SCHEDULE_PRESETS = ["daily", "weekly", "monthly"] as const;
export type SchedulePreset = (typeof SCHEDULE_PRESETS)[number];

export const isSchedulePreset = (value: string): value is SchedulePreset =>
  (SCHEDULE_PRESETS as readonly string[]).includes(value);

/**
 * The cron expression of a preset at a time of day. Weekly runs on Monday and monthly on the 1st:
 * the start of the reporting week (history groups weeks from Monday) and of the billing month.
 */
export function presetCron(preset: SchedulePreset, time: TimeOfDay): string {
  const dayOfMonth = preset === "monthly" ? "1" : "*";
  const dayOfWeek = preset === "weekly" ? "1" : "*";
  return `${time.minute} ${time.hour} ${dayOfMonth} * ${dayOfWeek}`;
}

export interface CronSchedule {
  /** The expression with whitespace normalised to single spaces. */
  expression: string;
  minute: string;
  hour: string;
  day_of_month: string;
  month: string;
  day_of_week: string;
}

// One list element of a classic cron field: *, a number or a 3-letter name, an optional range end,
// an optional step. Anything else (L, W, #, ?, H) is a cron-parser extension that other schedulers
// running the workflow would not understand.
const ELEMENT = /^(\*|\d+|[A-Za-z]{3})(-(\d+|[A-Za-z]{3}))?(\/\d+)?$/;

/** Validates a classic 5-field cron expression (minute hour day-of-month month day-of-week). */
export function parseCronSchedule(expression: string, field = "schedule"): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  const fail = (why: string) =>
    new CoreInputError(
      field,
      `${field} must be daily, weekly, monthly or a 5-field cron expression ` +
        `(minute hour day-of-month month day-of-week): ${why}`,
    );
  if (fields.length !== 5 || fields[0] === "") {
    throw fail(`got ${fields[0] === "" ? 0 : fields.length} field(s) in "${expression}"`);
  }
  const bad = fields.flatMap((part) => part.split(",")).find((element) => !ELEMENT.test(element));
  if (bad !== undefined) throw fail(`"${bad}" is not a cron value, range, list or step`);
  const normalised = fields.join(" ");
  try {
    // next() as well as parse(): "0 0 31 2 *" parses but never occurs, and would stall a worker.
    CronExpressionParser.parse(normalised, { tz: "UTC" }).next();
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  const [minute, hour, day_of_month, month, day_of_week] = fields as [string, string, string, string, string];
  return { expression: normalised, minute, hour, day_of_month, month, day_of_week };
}
