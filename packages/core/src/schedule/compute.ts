// Turns a user's schedule (preset, local time, time zone) into the cron expression the worker runs
// and the first run the user will see. The first run is the first occurrence after `now` in the
// user's time zone (not as the seed, which could return a time already past or read it as UTC).

import { CoreInputError } from "../errors";
import { isSchedulePreset, presetCron, type SchedulePreset } from "./cron";
import { nextRuns } from "./next-runs";
import { normalizeTimezone, parseTimeOfDay } from "./validate";

export interface ComputeScheduleInput {
  schedule: SchedulePreset;
  /** Local wall-clock time, "HH:MM" on a 24-hour clock. */
  time: string;
  /** IANA time zone name; the cron expression is read in this zone. */
  timezone: string;
  now: Date;
}

export interface ComputedSchedule {
  /** 5-field cron expression, to be evaluated in `timezone`. */
  cron: string;
  /** The IANA time zone, with Intl's casing. */
  timezone: string;
  /** First occurrence strictly after `now`, ISO-8601 in UTC. */
  next_run: string;
}

export function computeSchedule(input: ComputeScheduleInput): ComputedSchedule {
  if (!isSchedulePreset(input.schedule)) {
    throw new CoreInputError(
      "schedule",
      `schedule must be daily, weekly or monthly, got "${input.schedule}"`,
    );
  }
  const time = parseTimeOfDay(input.time);
  const timezone = normalizeTimezone(input.timezone);
  if (Number.isNaN(input.now.getTime())) throw new CoreInputError("now", "now must be a valid date");
  const cron = presetCron(input.schedule, time);
  const [next_run] = nextRuns(cron, timezone, input.now, 1) as [string];
  return { cron, timezone, next_run };
}
