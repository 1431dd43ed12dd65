// The client's charts, server-rendered SVG from core (the same renderers the HTML report uses), each
// with its table twin under a disclosure: the compliance score per day from the stored snapshots
// (overall and per account), the attribution gap by tag and by resource type stored with the latest
// snapshot that read spend, and this month's unique resources against the tier's quota.
import {
  type BarChartOptions,
  barChartSvg,
  chartTable,
  formatMoney,
  gapByTagChart,
  gapByTypeChart,
  type LineChartOptions,
  lineChartSvg,
} from "@tagc/core";
import type { getLatestCostGap, getScoreTrend, getUsageSeries } from "@tagc/services";
import { html, SafeHtml } from "../../onboard/html";

type Trend = Awaited<ReturnType<typeof getScoreTrend>>;
type UsageSeries = Awaited<ReturnType<typeof getUsageSeries>>;
type CostGap = Awaited<ReturnType<typeof getLatestCostGap>>;

/** The SVG and the table are built by core, which escapes every label (account ids, tag names). */
const figure = (id: string, options: LineChartOptions) =>
  html`<figure id="${id}">${new SafeHtml(lineChartSvg(options))}
<details><summary>The numbers as a table</summary>${new SafeHtml(chartTable(options))}</details></figure>`;

const barFigure = (options: BarChartOptions) =>
  html`<figure id="${options.id}"><figcaption>${options.title}</figcaption>${new SafeHtml(barChartSvg(options))}
<details><summary>The numbers as a table</summary>${new SafeHtml(chartTable(options))}</details></figure>`;

/** The same two bar charts the HTML report draws, from the gap stored with the latest snapshot. */
export function costGapSection(gap: CostGap) {
  const title = html`<h2 id="gap-title">Cost attribution gap</h2>`;
  if (!gap) {
    return html`<section aria-labelledby="gap-title" id="gap">${title}
<p class="muted">No stored snapshot has spend yet: a scheduled audit, or a check with store_snapshot, stores one.</p></section>`;
  }
  const byType =
    gap.by_resource_type && Object.keys(gap.by_resource_type).length ? gap.by_resource_type : null;
  return html`<section aria-labelledby="gap-title" id="gap">${title}
<p><strong>${formatMoney(gap.gap, gap.currency)}</strong> of ${formatMoney(gap.taggable_total, gap.currency)} taggable spend (${gap.gap_percentage}%) is not attributable to a compliant resource, ${gap.period.start} to ${gap.period.end}.</p>
${gap.by_tag.length ? barFigure(gapByTagChart(gap.by_tag)) : html`<p class="muted">No violating resource has reported spend.</p>`}
${byType ? barFigure(gapByTypeChart(byType)) : ""}
<p class="muted">From the snapshot of account ${gap.account_id} at ${gap.snapshot_at.slice(0, 16).replace("T", " ")} UTC.</p></section>`;
}

export function trendSection(trend: Trend) {
  const toPoints = (points: Trend["overall"]) => points.map((p) => ({ x: p.day, y: p.score }));
  const chart = trend.days.length
    ? figure("score-trend", {
        id: "score-trend",
        title: "Compliance score per day",
        format: "percent",
        series: [
          { name: "Overall", points: toPoints(trend.overall) },
          ...trend.accounts.map((a) => ({ name: `Account ${a.account_id}`, points: toPoints(a.points) })),
        ],
      })
    : html`<p class="muted">No compliance snapshots in the last 30 days.</p>`;
  return html`<section aria-labelledby="trend-title" id="trend"><h2 id="trend-title">Compliance score</h2>
${chart}<p class="muted">${trend.snapshot_count} snapshots from ${trend.since.slice(0, 10)} to ${trend.until.slice(0, 10)}.</p></section>`;
}

export function usageChart(series: UsageSeries) {
  if (!series.days.length) return "";
  const quota = series.quota;
  return figure("usage-chart", {
    id: "usage-chart",
    title: `Unique resources in ${series.period}`,
    format: "count",
    series: [
      { name: "Unique resources", points: series.days.map((d) => ({ x: d.day, y: d.cumulative_resources })) },
      ...(quota === null
        ? []
        : [{ name: "Quota", points: series.days.map((d) => ({ x: d.day, y: quota })) }]),
    ],
  });
}
