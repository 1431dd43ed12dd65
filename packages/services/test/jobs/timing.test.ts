// The pure timing rules of the queue: when daily work is due, and how long a failed job waits.
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "../../src/jobs/queue/backoff";
import { latestDailyAt, minuteOfDay, nextDailyAt } from "../../src/jobs/scheduler/daily-time";

describe("daily occurrences (UTC)", () => {
  it.each([
    ["2026-05-04T02:00:00Z", "02:00", "2026-05-04T02:00:00.000Z"],
    ["2026-05-04T01:59:59Z", "02:00", "2026-05-03T02:00:00.000Z"],
    ["2026-05-04T23:59:00Z", "02:00", "2026-05-04T02:00:00.000Z"],
    ["2026-03-01T00:05:00Z", "00:10", "2026-02-28T00:10:00.000Z"],
  ])("at %s the latest %s is %s", (now, time, expected) => {
    expect(latestDailyAt(new Date(now), minuteOfDay(time)).toISOString()).toBe(expected);
  });

  it("an offset before midnight lands on the previous day (health 30 minutes before a 00:10 snapshot)", () => {
    const now = new Date("2026-05-04T00:20:00Z");
    expect(latestDailyAt(now, minuteOfDay("00:10") - 30).toISOString()).toBe("2026-05-03T23:40:00.000Z");
    expect(nextDailyAt(now, minuteOfDay("00:10") - 30).toISOString()).toBe("2026-05-04T23:40:00.000Z");
  });

  it.each(["2:00", "24:00", "12:60", ""])("refuses %j", (time) => {
    expect(() => minuteOfDay(time)).toThrow(RangeError);
  });
});

describe("retry back-off", () => {
  it("doubles per attempt from 30 s, within ±10 %, capped at an hour, the same for the same job and attempt", () => {
    for (const [attempt, base] of [
      [1, 30_000],
      [2, 60_000],
      [3, 120_000],
      [8, 3_600_000],
      [20, 3_600_000],
    ] as const) {
      const delay = retryDelayMs(attempt, "job_01abc");
      expect(delay).toBeGreaterThanOrEqual(base * 0.9);
      expect(delay).toBeLessThanOrEqual(base * 1.1);
      expect(retryDelayMs(attempt, "job_01abc")).toBe(delay);
    }
    // Jobs that failed together come back spread out.
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(1, `job_${i}`)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
