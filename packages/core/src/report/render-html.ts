// The report as one self-contained HTML file: summary cards, the score trend and the two gap charts
// (SVG with a table twin for screen readers), the region and top-violation tables and the
// recommendations. Every customer string (tag names, types, account ids) goes through escapeMarkup.
import { barChartSvg } from "../charts/bar-chart";
import { escapeMarkup as e } from "../charts/escape";
import { lineChartSvg } from "../charts/line-chart";
import { chartTable } from "../charts/table";
import type { BarChartOptions, LineChartOptions } from "../charts/types";
import { gapByTagChart, gapByTypeChart, trendChart } from "./chart-data";
import { REPORT_CSS } from "./html-style";
import { formatScore, formatUsd, roundCents } from "./money";
import type { ComplianceReport, ReportExtras, TagViolationSummary } from "./types";

// The file is opened from a download URL and forwarded: even if markup slipped through, nothing loads.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const num = (n: number) => n.toLocaleString("en-US");

function figure(chart: LineChartOptions | BarChartOptions, svg: string): string {
  return `<figure>${svg}${chartTable(chart, { className: "sr-only" })}</figure>`;
}

function cards(report: ComplianceReport): string {
  const s = report.summary;
  // data-metric lets a reader (and the browser test) pick a figure without parsing the prose.
  const items: [string, string, string][] = [
    ["compliance_score", "Compliance score", formatScore(s.compliance_score)],
    ["total_resources", "Resources scanned", num(s.total_resources)],
    ["compliant_resources", "Compliant", num(s.compliant_resources)],
    ["non_compliant_resources", "Non-compliant", num(s.non_compliant_resources)],
    ["violations", "Violations", num(s.violations)],
    ["errors", "Errors", num(s.errors)],
    ["warnings", "Warnings", num(s.warnings)],
    ["cost_total", "Monthly spend", formatUsd(s.cost_total)],
    ["cost_gap", "Attribution gap", `${formatUsd(s.cost_gap)} (${roundCents(s.cost_gap_percentage)}%)`],
  ];
  const body = items
    .map(
      ([key, label, value]) =>
        `<div class="card"><dt>${label}</dt><dd data-metric="${key}">${e(value)}</dd></div>`,
    )
    .join("");
  return `<dl class="cards">${body}</dl>${s.cost_note ? `<p class="note">${e(s.cost_note)}</p>` : ""}`;
}

function tagRows(rows: readonly TagViolationSummary[], withCost: boolean): string {
  if (rows.length === 0) return "<p>No violations.</p>";
  const head = `<tr><th>Tag</th><th class="num">Violations</th><th class="num">Missing</th><th class="num">Invalid value</th><th class="num">Invalid format</th><th class="num">Resources</th>${withCost ? '<th class="num">Monthly cost</th>' : ""}</tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr data-tag="${e(r.tag_name)}"><th scope="row">${e(r.tag_name)}</th><td class="num">${num(r.violations)}</td><td class="num">${num(r.missing_required_tag)}</td><td class="num">${num(r.invalid_value)}</td><td class="num">${num(r.invalid_format)}</td><td class="num">${num(r.resources)}</td>${withCost ? `<td class="num">${formatUsd(r.cost_impact_monthly)}</td>` : ""}</tr>`,
    )
    .join("");
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function regions(report: ComplianceReport): string {
  if (!report.by_region) return "";
  const rows = Object.entries(report.by_region)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([name, r]) =>
        `<tr><th scope="row">${e(name)}</th><td class="num">${formatScore(r.score)}</td><td class="num">${num(r.total)}</td><td class="num">${num(r.compliant)}</td><td class="num">${r.violations === undefined ? "" : num(r.violations)}</td></tr>`,
    )
    .join("");
  return `<section><h2>Compliance by region</h2><table><thead><tr><th>Region</th><th class="num">Score</th><th class="num">Resources</th><th class="num">Compliant</th><th class="num">Violations</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function charts(report: ComplianceReport, extras: ReportExtras): string {
  const trend = extras.trend?.days.length
    ? figure(trendChart(extras.trend), lineChartSvg(trendChart(extras.trend)))
    : "<p>No stored snapshots yet: schedule an audit (or check with store_snapshot) to draw the trend.</p>";
  const byTag = report.top_violations_by_cost
    ? figure(
        gapByTagChart(report.top_violations_by_cost),
        barChartSvg(gapByTagChart(report.top_violations_by_cost)),
      )
    : `<p>${e(report.cost_note ?? "No violations.")}</p>`;
  const types = extras.gap_by_resource_type;
  const byType =
    types && Object.keys(types).length > 0
      ? figure(gapByTypeChart(types), barChartSvg(gapByTypeChart(types)))
      : "<p>No cost by resource type was reported.</p>";
  return [
    `<section><h2>Compliance score over time</h2>${trend}</section>`,
    `<section><h2>Attribution gap by tag</h2>${byTag}</section>`,
    `<section><h2>Attribution gap by resource type</h2>${byType}</section>`,
  ].join("");
}

function recommendations(report: ComplianceReport): string {
  if (!report.recommendations) return "";
  const items = report.recommendations
    .map(
      (r) => `<li><span class="priority priority-${r.priority}">${r.priority}</span>: ${e(r.message)}</li>`,
    )
    .join("");
  return `<section><h2>Recommendations</h2>${items ? `<ol>${items}</ol>` : "<p>No recommendations.</p>"}</section>`;
}

function notTaggable(report: ComplianceReport): string {
  if (report.not_taggable.length === 0 || !report.not_taggable_note) return "";
  const rows = report.not_taggable
    .map(
      (n) =>
        `<tr><th scope="row">${e(n.resource_type)}</th><td class="num">${num(n.count)}</td><td>${e(n.reason)}</td></tr>`,
    )
    .join("");
  return `<section><h2>Not taggable</h2><p>${e(report.not_taggable_note)}</p><table><thead><tr><th>Resource type</th><th class="num">Resources</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderHtml(report: ComplianceReport, extras: ReportExtras = {}): string {
  const meta = [
    extras.generated_at ? `Scanned ${e(extras.generated_at)}` : "",
    extras.accounts?.length ? `AWS accounts: ${extras.accounts.map(e).join(", ")}` : "",
  ].filter(Boolean);
  const byCost = report.top_violations_by_cost;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Tag compliance report</title><style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>Tag compliance report</h1>${meta.length ? `<p class="meta">${meta.join(" · ")}</p>` : ""}</header>`,
    `<main><section><h2>Summary</h2>${cards(report)}</section>`,
    charts(report, extras),
    regions(report),
    `<section id="top-violations"><h2>Top violations by count</h2>${tagRows(report.top_violations_by_count, byCost !== null)}</section>`,
    recommendations(report),
    notTaggable(report),
    "</main></body></html>\n",
  ].join("");
}
