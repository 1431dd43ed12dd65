import { describe, expect, it } from "vitest";
import { CoreInputError } from "../../src/errors";
import { nextRuns } from "../../src/schedule/next-runs";

describe("nextRuns", () => {
  it("lists daily runs across the Paris spring change with the offset switching from +1 to +2", () => {
    expect(nextRuns("0 9 * * *", "Europe/Paris", new Date("2025-03-28T12:00:00Z"), 4)).toEqual([
      "2025-03-29T08:00:00.000Z",
      "2025-03-30T07:00:00.000Z",
      "2025-03-31T07:00:00.000Z",
      "2025-04-01T07:00:00.000Z",
    ]);
  });

  it("runs a repeated local time once on the Paris autumn change", () => {
    expect(nextRuns("30 2 * * *", "Europe/Paris", new Date("2025-10-25T00:00:00Z"), 3)).toEqual([
      "2025-10-25T00:30:00.000Z",
      "2025-10-26T00:30:00.000Z",
      "2025-10-27T01:30:00.000Z",
    ]);
  });

  it("lists weekday runs in New York across the spring change", () => {
    expect(nextRuns("0 8 * * 1-5", "America/New_York", new Date("2025-03-06T00:00:00Z"), 4)).toEqual([
      "2025-03-06T13:00:00.000Z",
      "2025-03-07T13:00:00.000Z",
      "2025-03-10T12:00:00.000Z",
      "2025-03-11T12:00:00.000Z",
    ]);
  });

  it("starts strictly after `from`", () => {
    expect(nextRuns("*/15 * * * *", "UTC", new Date("2025-01-01T00:15:00Z"), 2)).toEqual([
      "2025-01-01T00:30:00.000Z",
      "2025-01-01T00:45:00.000Z",
    ]);
  });

  it.each([
    ["0 9 * *", "UTC", 1, "cron"],
    ["0 9 * * *", "Nowhere/City", 1, "timezone"],
    ["0 9 * * *", "UTC", 0, "count"],
    ["0 9 * * *", "UTC", 101, "count"],
    ["0 9 * * *", "UTC", 1.5, "count"],
  ])("rejects %s in %s x%d naming %s", (cron, timezone, count, field) => {
    try {
      nextRuns(cron, timezone, new Date("2025-01-01T00:00:00Z"), count);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreInputError);
      expect((error as CoreInputError).field).toBe(field);
    }
  });
});
