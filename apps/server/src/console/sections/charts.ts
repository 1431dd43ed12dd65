// The client's charts, server-rendered SVG from core (the same renderers the HTML report uses), each
// with its table twin under a disclosure: the compliance score per day from the stored snapshots
// (overall and per account), and this month's unique resources against the tier's quota.
import { chartTable, type LineChartOptions, lineChartSvg } from "@tagc/core";
import type { getScoreTrend, getUsageSeries } from "@tagc/services";
import { html, SafeHtml } from "../../onboard/html";

type Trend = Awaited<ReturnType<typeof getScoreTrend>>;
type UsageSeries = Awaited<ReturnType<typeof getUsageSeries>>;

/** The SVG and the table are built by core, which escapes every label (account ids, names). */
const figure = (id: string, options: LineChartOptions) =>
  html`<figure id="${id}">${new SafeHtml(lineChartSvg(options))}
<details><summary>The numbers as a table</summary>${new SafeHtml(chartTable(options))}</details></figure>`;

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
