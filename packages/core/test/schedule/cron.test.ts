import { describe, expect, it } from "vitest";
import { CoreInputError } from "../../src/errors";
import { parseCronSchedule, presetCron } from "../../src/schedule/cron";

describe("parseCronSchedule", () => {
  it("splits a 5-field expression and normalises its spacing", () => {
    expect(parseCronSchedule("  30  6 * *   MON-FRI ")).toEqual({
      expression: "30 6 * * MON-FRI",
      minute: "30",
      hour: "6",
      day_of_month: "*",
      month: "*",
      day_of_week: "MON-FRI",
    });
  });

  it.each(["*/15 * * * *", "0 0 1,15 * *", "0 9 * jan-mar 1", "5-10/5 0 * * 0", "0 12 31 12 7"])(
    "accepts %s",
    (cron) => {
      expect(parseCronSchedule(cron).expression).toBe(cron);
    },
  );

  it.each([
    ["", "got 0 field(s)"],
    ["* * * *", "got 4 field(s)"],
    ["0 * * * * *", "got 6 field(s)"],
    ["@daily", "got 1 field(s)"],
    ["0 0 L * *", '"L" is not a cron value'],
    ["0 0 ? * *", '"?" is not a cron value'],
    ["0 0 * * 5#2", '"5#2" is not a cron value'],
    ["H * * * *", '"H" is not a cron value'],
    ["61 * * * *", "expected range 0-59"],
    ["*/0 * * * *", "cannot repeat at every 0 time"],
    ["0 0 31 2 *", "Invalid explicit day of month definition"],
    ["jan * * * *", "Invalid characters"],
  ])("rejects %j", (cron, reason) => {
    const run = () => parseCronSchedule(cron, "schedule");
    expect(run).toThrow(CoreInputError);
    expect(run).toThrow(reason);
    expect(run).toThrow(/^schedule must be daily, weekly, monthly or a 5-field cron expression/);
  });

  it("names the field it was given", () => {
    try {
      parseCronSchedule("nope", "cron");
      expect.unreachable();
    } catch (error) {
      expect((error as CoreInputError).field).toBe("cron");
    }
  });
});

describe("presetCron", () => {
  it("drops leading zeros as cron writes them", () => {
    expect(presetCron("weekly", { hour: 7, minute: 5 })).toBe("5 7 * * 1");
  });
});
