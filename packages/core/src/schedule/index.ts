export { type ComputedSchedule, type ComputeScheduleInput, computeSchedule } from "./compute";
export {
  type CronSchedule,
  isSchedulePreset,
  parseCronSchedule,
  presetCron,
  SCHEDULE_PRESETS,
  type SchedulePreset,
} from "./cron";
export { MAX_RUNS, nextRuns } from "./next-runs";
export { normalizeTimezone, parseTimeOfDay, type TimeOfDay } from "./validate";
