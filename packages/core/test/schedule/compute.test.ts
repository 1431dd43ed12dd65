import { describe, expect, it } from "vitest";
import { CoreInputError } from "../../src/errors";
import { computeSchedule } from "../../src/schedule/compute";

const at = (iso: string) => new Date(iso);

describe("computeSchedule", () => {
  it.each([
    ["daily", "09:00", "0 9 * * *"],
    ["weekly", "18:45", "45 18 * * 1"],
    ["monthly", "00:05", "5 0 1 * *"],
  ] as const)("writes %s at %s as %s", (schedule, time, cron) => {
    expect(computeSchedule({ schedule, time, timezone: "UTC", now: at("2025-06-01T00:00:00Z") }).cron).toBe(
      cron,
    );
  });

  it.each([
    // Later today in the user's zone (CEST, UTC+2).
    ["today, before the time", "2025-06-10T06:59:00Z", "2025-06-10T07:00:00.000Z"],
    // Exactly at the run time: the first FUTURE run is tomorrow's (not as the seed).
    ["today, at the time", "2025-06-10T07:00:00Z", "2025-06-11T07:00:00.000Z"],
    ["today, after the time", "2025-06-10T07:00:00.001Z", "2025-06-11T07:00:00.000Z"],
    // 23:30 UTC is already tomorrow 01:30 in Paris: tomorrow 09:00 Paris is the next run.
    ["late evening UTC", "2025-06-10T23:30:00Z", "2025-06-11T07:00:00.000Z"],
  ])("gives the first future daily run in Europe/Paris (%s)", (_label, now, next) => {
    expect(
      computeSchedule({ schedule: "daily", time: "09:00", timezone: "Europe/Paris", now: at(now) }),
    ).toEqual({
      cron: "0 9 * * *",
      timezone: "Europe/Paris",
      next_run: next,
    });
  });

  it.each([
    // Europe/Paris moves to CEST on Sunday 30 March 2025 at 02:00 (UTC 01:00).
    ["before the spring change", "Europe/Paris", "09:00", "2025-03-29T12:00:00Z", "2025-03-30T07:00:00.000Z"],
    [
      "across the spring change, from the day before",
      "Europe/Paris",
      "09:00",
      "2025-03-29T07:00:00Z",
      "2025-03-29T08:00:00.000Z",
    ],
    // 02:30 does not exist that night: it runs at 03:30 CEST, the same minute of the next hour.
    [
      "a time skipped by the spring change",
      "Europe/Paris",
      "02:30",
      "2025-03-29T12:00:00Z",
      "2025-03-30T01:30:00.000Z",
    ],
    // Back to CET on Sunday 26 October 2025 at 03:00; 02:30 happens twice and runs once, in CEST.
    [
      "a time repeated by the autumn change",
      "Europe/Paris",
      "02:30",
      "2025-10-25T12:00:00Z",
      "2025-10-26T00:30:00.000Z",
    ],
    ["after the autumn change", "Europe/Paris", "09:00", "2025-10-26T07:00:00Z", "2025-10-26T08:00:00.000Z"],
    // America/New_York: EDT from Sunday 9 March 2025 at 02:00, EST from Sunday 2 November at 02:00.
    [
      "New York spring change",
      "America/New_York",
      "09:00",
      "2025-03-08T15:00:00Z",
      "2025-03-09T13:00:00.000Z",
    ],
    [
      "New York skipped time",
      "America/New_York",
      "02:15",
      "2025-03-08T12:00:00Z",
      "2025-03-09T07:15:00.000Z",
    ],
    [
      "New York repeated time",
      "America/New_York",
      "01:30",
      "2025-11-01T12:00:00Z",
      "2025-11-02T05:30:00.000Z",
    ],
    [
      "New York after the autumn change",
      "America/New_York",
      "09:00",
      "2025-11-01T14:00:00Z",
      "2025-11-02T14:00:00.000Z",
    ],
  ])("handles %s", (_label, timezone, time, now, next) => {
    expect(computeSchedule({ schedule: "daily", time, timezone, now: at(now) }).next_run).toBe(next);
  });

  it("runs weekly schedules on Monday and monthly ones on the 1st, in local time", () => {
    // Sunday 30 March 2025 in Paris: the next Monday is the 31st, in CEST.
    expect(
      computeSchedule({
        schedule: "weekly",
        time: "08:00",
        timezone: "Europe/Paris",
        now: at("2025-03-30T10:00:00Z"),
      }).next_run,
    ).toBe("2025-03-31T06:00:00.000Z");
    // From 15 October in New York, the 1st of November is still EDT, the 1st of December is EST.
    expect(
      computeSchedule({
        schedule: "monthly",
        time: "09:00",
        timezone: "America/New_York",
        now: at("2025-10-15T00:00:00Z"),
      }).next_run,
    ).toBe("2025-11-01T13:00:00.000Z");
    expect(
      computeSchedule({
        schedule: "monthly",
        time: "09:00",
        timezone: "America/New_York",
        now: at("2025-11-01T13:00:00Z"),
      }).next_run,
    ).toBe("2025-12-01T14:00:00.000Z");
  });

  it("fixes the casing of a zone name and keeps valid aliases", () => {
    const now = at("2025-01-06T00:00:00Z");
    expect(computeSchedule({ schedule: "daily", time: "05:30", timezone: "US/Eastern", now })).toEqual({
      cron: "30 5 * * *",
      timezone: "US/Eastern",
      next_run: "2025-01-06T10:30:00.000Z",
    });
    expect(
      computeSchedule({ schedule: "daily", time: "05:30", timezone: "europe/paris", now }).timezone,
    ).toBe("Europe/Paris");
    expect(computeSchedule({ schedule: "daily", time: "05:30", timezone: "utc", now }).timezone).toBe("UTC");
    expect(computeSchedule({ schedule: "daily", time: "05:30", timezone: "Asia/Kolkata", now })).toEqual({
      cron: "30 5 * * *",
      timezone: "Asia/Kolkata",
      next_run: "2025-01-07T00:00:00.000Z",
    });
  });

  it.each([
    [{ time: "9:00" }, "time", 'time must be HH:MM on a 24-hour clock (e.g. "09:00"), got "9:00"'],
    [{ time: "24:00" }, "time", "time must be HH:MM"],
    [{ time: "12:60" }, "time", "time must be HH:MM"],
    [{ time: "7pm" }, "time", "time must be HH:MM"],
    [
      { timezone: "Mars/Olympus" },
      "timezone",
      'timezone must be an IANA time zone name such as "Europe/Paris" or "UTC", got "Mars/Olympus"',
    ],
    [{ timezone: "+01:00" }, "timezone", "timezone must be an IANA time zone name"],
    [{ timezone: "" }, "timezone", "timezone must be an IANA time zone name"],
    [{ schedule: "hourly" }, "schedule", 'schedule must be daily, weekly or monthly, got "hourly"'],
    [{ now: new Date("nope") }, "now", "now must be a valid date"],
  ])("rejects %j naming %s", (override, field, message) => {
    const input = {
      schedule: "daily",
      time: "09:00",
      timezone: "UTC",
      now: at("2025-01-01T00:00:00Z"),
      ...override,
    };
    const run = () => computeSchedule(input as never);
    expect(run).toThrow(CoreInputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as CoreInputError).field).toBe(field);
    }
  });
});
