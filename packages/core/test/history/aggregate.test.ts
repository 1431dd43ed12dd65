import { describe, expect, it } from "vitest";
import { aggregateHistory, type ComplianceSnapshot } from "../../src/history/aggregate";
import { periodStart } from "../../src/history/period";
import { trendBetween } from "../../src/history/trend";

const snap = (created_at: string | Date, score: number, total = 10, violations = 3): ComplianceSnapshot => ({
  created_at,
  score,
  total,
  compliant: Math.round(score * total),
  violations,
  kind: "ad_hoc",
});

describe("periodStart (UTC)", () => {
  it.each([
    ["2026-01-05T00:00:00Z", "week", "2026-01-05"], // a Monday starts its own week
    ["2026-01-11T23:59:59Z", "week", "2026-01-05"], // Sunday belongs to the week before
    ["2026-01-12T00:00:00Z", "week", "2026-01-12"],
    ["2026-01-01T10:00:00Z", "week", "2025-12-29"], // weeks cross year boundaries
    ["2026-03-01T10:00:00Z", "week", "2026-02-23"],
    ["2026-01-31T23:59:59Z", "month", "2026-01-01"],
    ["2026-02-01T00:00:00Z", "month", "2026-02-01"],
    ["2026-01-09T23:59:59Z", "day", "2026-01-09"],
    ["2026-01-09T23:30:00-05:00", "day", "2026-01-10"], // offsets are converted to UTC first
  ] as const)("%s by %s -> %s", (at, granularity, expected) => {
    expect(periodStart(new Date(at), granularity)).toBe(expected);
  });
});

describe("aggregateHistory", () => {
  const snapshots = [
    snap("2026-01-13T08:00:00Z", 0.9, 20, 2), // Tuesday, week of 01-12
    snap("2026-01-05T08:00:00Z", 0.5, 10, 8), // Monday, week of 01-05
    snap(new Date("2026-01-11T22:00:00Z"), 0.6, 10, 6), // Sunday, week of 01-05
    snap("2026-02-02T00:00:00Z", 0.85, 10, 1),
  ];

  it("groups by week (Monday start), oldest first, with mean scores and summed totals", () => {
    const history = aggregateHistory(snapshots, "week");
    expect(history.periods).toEqual([
      {
        period: "2026-01-05",
        period_start: "2026-01-05",
        snapshot_count: 2,
        mean_score: 0.55,
        total_resources: 20,
        compliant_resources: 11,
        violations: 14,
      },
      {
        period: "2026-01-12",
        period_start: "2026-01-12",
        snapshot_count: 1,
        mean_score: 0.9,
        total_resources: 20,
        compliant_resources: 18,
        violations: 2,
      },
      {
        period: "2026-02-02",
        period_start: "2026-02-02",
        snapshot_count: 1,
        mean_score: 0.85,
        total_resources: 10,
        compliant_resources: 9,
        violations: 1,
      },
    ]);
    expect(history.trend).toEqual({
      direction: "improving",
      change_points: 30,
      from_period: "2026-01-05",
      to_period: "2026-02-02",
    });
  });

  it("groups by month with a YYYY-MM label", () => {
    const history = aggregateHistory(snapshots, "month");
    expect(
      history.periods.map((p) => [p.period, p.period_start, p.snapshot_count, p.mean_score, p.violations]),
    ).toEqual([
      ["2026-01", "2026-01-01", 3, 0.6667, 16],
      ["2026-02", "2026-02-01", 1, 0.85, 1],
    ]);
    expect(history.trend.change_points).toBe(18.33);
  });

  it("groups by day", () => {
    const history = aggregateHistory(
      [snap("2026-01-05T01:00:00Z", 0.4), snap("2026-01-05T23:00:00Z", 0.2)],
      "day",
    );
    expect(history.periods.map((p) => [p.period, p.mean_score, p.total_resources])).toEqual([
      ["2026-01-05", 0.3, 20],
    ]);
    expect(history.trend).toEqual({
      direction: "stable",
      change_points: 0,
      from_period: "2026-01-05",
      to_period: "2026-01-05",
    });
  });

  it("reports no periods and a stable trend without evidence when there are no snapshots", () => {
    expect(aggregateHistory([], "week")).toEqual({
      group_by: "week",
      periods: [],
      trend: { direction: "stable", change_points: 0, from_period: null, to_period: null },
    });
  });

  it("leaves out snapshots with an unreadable timestamp", () => {
    const history = aggregateHistory([snap("garbage", 0), snap("2026-01-05T00:00:00Z", 0.7)], "day");
    expect(history.periods.map((p) => [p.period, p.mean_score])).toEqual([["2026-01-05", 0.7]]);
  });
});

describe("trendBetween", () => {
  const at = (mean_score: number, period = "p") => ({ period, mean_score });

  it.each([
    [0.8, 0.8099, "stable", 0.99],
    [0.8, 0.81, "improving", 1], // exactly one point is a move (float noise removed first)
    [0.81, 0.8, "declining", -1],
    [0.8, 0.7901, "stable", -0.99],
    [0.5, 0.25, "declining", -25],
    [0.9, 0.9, "stable", 0],
  ] as const)("%d -> %d is %s (%d points)", (first, last, direction, points) => {
    expect(trendBetween(at(first, "a"), at(last, "b"))).toEqual({
      direction,
      change_points: points,
      from_period: "a",
      to_period: "b",
    });
  });
});

describe("aggregateHistory with snapshots that have no score (nothing was read)", () => {
  const unread = (created_at: string): ComplianceSnapshot => ({
    created_at,
    score: null,
    total: 0,
    compliant: 0,
    violations: 0,
    kind: "scheduled",
  });

  it("averages only scored snapshots, keeps a period of unscored ones with a null mean, and trends between scored periods", () => {
    const history = aggregateHistory(
      [
        snap("2026-01-05T02:00:00Z", 0.5),
        unread("2026-01-05T03:00:00Z"),
        unread("2026-01-06T02:00:00Z"),
        snap("2026-01-07T02:00:00Z", 0.8),
      ],
      "day",
    );
    expect(history.periods.map((p) => [p.period, p.snapshot_count, p.mean_score])).toEqual([
      ["2026-01-05", 2, 0.5],
      ["2026-01-06", 1, null],
      ["2026-01-07", 1, 0.8],
    ]);
    expect(history.trend).toMatchObject({
      direction: "improving",
      change_points: 30,
      from_period: "2026-01-05",
    });
  });

  it("a history of unscored snapshots only has no trend to claim", () => {
    const history = aggregateHistory([unread("2026-01-05T02:00:00Z")], "day");
    expect(history.periods[0]?.mean_score).toBeNull();
    expect(history.trend).toEqual({
      direction: "stable",
      change_points: 0,
      from_period: null,
      to_period: null,
    });
  });
});
