// The report as Markdown: a summary table, the top-tags tables and numbered recommendations.

import { OVERALL_SERIES } from "./chart-data";
import { formatScore, formatUsd, roundCents } from "./money";
import type { ComplianceReport, ReportExtras, TagViolationSummary } from "./types";

/** Tag names and values are customer data: keep them from breaking a table or injecting markup. */
function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[|*_`[\]]/g, (char) => `\\${char}`)
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, " ");
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

/** withCost false drops the Monthly cost column (every violation costs $0). */
function tagTable(rows: readonly TagViolationSummary[], withCost: boolean): string[] {
  if (rows.length === 0) return ["No violations."];
  const header = ["#", "Tag", "Violations", "Missing", "Invalid value", "Invalid format", "Resources"];
  return table(
    withCost ? [...header, "Monthly cost"] : header,
    rows.map((row, index) => {
      const cells = [
        String(index + 1),
        cell(row.tag_name),
        String(row.violations),
        String(row.missing_required_tag),
        String(row.invalid_value),
        String(row.invalid_format),
        String(row.resources),
      ];
      return withCost ? [...cells, formatUsd(row.cost_impact_monthly)] : cells;
    }),
  );
}

/** The charts of the HTML report as tables: a model reads numbers in rows better than a picture. */
function chartTables(extras: ReportExtras): string[] {
  const lines: string[] = [];
  const trend = extras.trend;
  if (trend && trend.days.length > 0) {
    const score = (value: number | null) => (value === null ? "—" : formatScore(value));
    lines.push(
      "",
      "## Compliance score over time",
      "",
      ...table(
        ["Day", OVERALL_SERIES, ...trend.accounts.map((a) => cell(a.account_id))],
        trend.days.map((day, i) => [
          day,
          score(trend.overall[i]?.score ?? null),
          ...trend.accounts.map((a) => score(a.points[i]?.score ?? null)),
        ]),
      ),
    );
  }
  const types = Object.entries(extras.gap_by_resource_type ?? {}).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : 1),
  );
  if (types.length > 0) {
    lines.push(
      "",
      "## Attribution gap by resource type",
      "",
      ...table(
        ["Resource type", "Monthly gap"],
        types.map(([type, gap]) => [cell(type), formatUsd(gap)]),
      ),
    );
  }
  return lines;
}

export function renderMarkdown(report: ComplianceReport, extras: ReportExtras = {}): string {
  const s = report.summary;
  const lines = [
    "# Tag compliance report",
    "",
    "## Summary",
    "",
    ...table(
      ["Metric", "Value"],
      [
        ["Compliance score", formatScore(s.compliance_score)],
        ["Resources scanned", String(s.total_resources)],
        ["Compliant", String(s.compliant_resources)],
        ["Non-compliant", String(s.non_compliant_resources)],
        ["Violations", `${s.violations} (${s.errors} errors, ${s.warnings} warnings)`],
        ["Monthly spend", formatUsd(s.cost_total)],
        ["Attributable spend", formatUsd(s.cost_attributable)],
        ["Attribution gap", `${formatUsd(s.cost_gap)} (${roundCents(s.cost_gap_percentage)}%)`],
      ],
    ),
    // Said under the numbers, so a $0 gap is never read as good tagging.
    ...(s.cost_note ? ["", `> ${s.cost_note}`] : []),
  ];
  lines.push(...chartTables(extras));
  if (report.by_region) {
    const regions = Object.entries(report.by_region).sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(
      "",
      "## Compliance by region",
      "",
      ...table(
        ["Region", "Score", "Resources", "Compliant", "Violations"],
        regions.map(([name, r]) => [
          cell(name),
          formatScore(r.score),
          String(r.total),
          String(r.compliant),
          r.violations === undefined ? "" : String(r.violations),
        ]),
      ),
    );
  }
  const byCost = report.top_violations_by_cost;
  lines.push(
    "",
    "## Top violations by count",
    "",
    ...tagTable(report.top_violations_by_count, byCost !== null),
  );
  if (byCost) lines.push("", "## Top violations by cost", "", ...tagTable(byCost, true));
  if (report.cost_note) lines.push("", `_${cell(report.cost_note)}_`);
  if (report.not_taggable.length > 0 && report.not_taggable_note) {
    lines.push(
      "",
      "## Not taggable",
      "",
      cell(report.not_taggable_note),
      "",
      ...table(
        ["Resource type", "Resources", "Why"],
        report.not_taggable.map((entry) => [
          cell(entry.resource_type),
          String(entry.count),
          cell(entry.reason),
        ]),
      ),
    );
  }
  if (report.recommendations) {
    lines.push("", "## Recommendations", "");
    if (report.recommendations.length === 0) lines.push("No recommendations.");
    report.recommendations.forEach((r, index) => {
      const priority = r.priority[0]!.toUpperCase() + r.priority.slice(1);
      lines.push(`${index + 1}. **${priority}**: ${cell(r.message)}`);
    });
  }
  return `${lines.join("\n")}\n`;
}
