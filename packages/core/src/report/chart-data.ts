// The report's three charts as chart options, shared by the HTML report (SVG + table) and the
// Markdown report (the same numbers as tables), so both always show the same figures.
import type { BarChartOptions, LineChartOptions } from "../charts/types";
import type { ScoreTrend } from "../history/score-trend";
import type { TagViolationSummary } from "./types";

export const OVERALL_SERIES = "Overall";

/** Overall first, then each account: one line each, a null day a gap. */
export function trendChart(trend: ScoreTrend): LineChartOptions {
  const series = [
    { name: OVERALL_SERIES, points: trend.overall.map((p) => ({ x: p.day, y: p.score })) },
    ...trend.accounts.map((account) => ({
      name: account.account_id,
      points: account.points.map((p) => ({ x: p.day, y: p.score })),
    })),
  ];
  return {
    id: "score-trend",
    title: "Compliance score over time",
    description: `The daily compliance score from ${trend.days.length} days of stored snapshots, overall and per account.`,
    format: "percent",
    series,
  };
}

/** Spend on resources where each tag is missing or invalid, largest first. */
export function gapByTagChart(
  rows: readonly Pick<TagViolationSummary, "tag_name" | "cost_impact_monthly">[],
): BarChartOptions {
  return {
    id: "gap-by-tag",
    title: "Monthly spend on resources violating each tag",
    format: "currency",
    bars: rows.map((row) => ({ label: row.tag_name, value: row.cost_impact_monthly })),
  };
}

/** The attribution gap of each resource type, largest first (ties by name). */
export function gapByTypeChart(gaps: Record<string, number>): BarChartOptions {
  const bars = Object.entries(gaps)
    .map(([label, value]) => ({ label, value }))
    .sort((a, b) => b.value - a.value || (a.label < b.label ? -1 : 1));
  return { id: "gap-by-type", title: "Attribution gap by resource type", format: "currency", bars };
}
