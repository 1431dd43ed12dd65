// The report as one RFC 4180 table (CRLF line ends, quoted fields where needed). A spreadsheet
// wants one rectangle, so the sections share one header and a `section` column tells them apart;
// columns a section does not use stay empty.
import { stringify } from "csv-stringify/sync";
import { csvCell } from "../export/csv-safe";
import { formatCents } from "./money";
import type { ComplianceReport, TagViolationSummary } from "./types";

export const REPORT_CSV_COLUMNS = [
  "section",
  "rank",
  "name",
  "value",
  "resources",
  "compliant",
  "violations",
  "missing_required_tag",
  "invalid_value",
  "invalid_format",
  "cost_impact_monthly",
  "priority",
] as const;

type Column = (typeof REPORT_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** Summary values that are money (or a money percentage): written with two decimals. */
const MONEY_SUMMARY = new Set(["cost_total", "cost_attributable", "cost_gap", "cost_gap_percentage"]);

const summaryValue = (name: string, value: string | number | null): string | number | null =>
  typeof value === "number" && MONEY_SUMMARY.has(name) ? formatCents(value) : value;

const tagRows = (section: string, rows: readonly TagViolationSummary[]): Row[] =>
  rows.map((row, index) => ({
    section,
    rank: index + 1,
    name: row.tag_name,
    resources: row.resources,
    violations: row.violations,
    missing_required_tag: row.missing_required_tag,
    invalid_value: row.invalid_value,
    invalid_format: row.invalid_format,
    cost_impact_monthly: formatCents(row.cost_impact_monthly),
  }));

export function renderCsv(report: ComplianceReport): string {
  const rows: Row[] = [
    ...Object.entries(report.summary).map(([name, value]) => ({
      section: "summary",
      name,
      value: summaryValue(name, value),
    })),
    ...Object.entries(report.by_region ?? {}).map(([name, region]) => ({
      section: "region",
      name,
      value: region.score,
      resources: region.total,
      compliant: region.compliant,
      violations: region.violations ?? null,
    })),
    ...tagRows("top_by_count", report.top_violations_by_count),
    ...tagRows("top_by_cost", report.top_violations_by_cost ?? []),
    ...(report.cost_note ? [{ section: "note", name: "cost", value: report.cost_note }] : []),
    ...report.not_taggable.map((entry) => ({
      section: "not_taggable",
      name: entry.resource_type,
      value: entry.reason,
      resources: entry.count,
    })),
    ...(report.recommendations ?? []).map((recommendation, index) => ({
      section: "recommendation",
      rank: index + 1,
      name: recommendation.rule,
      value: recommendation.message,
      priority: recommendation.priority,
    })),
  ];
  // Every violation at $0: the cost column would be a column of zeros, so it is left out (the note says why).
  const columns: Column[] = report.cost_note
    ? REPORT_CSV_COLUMNS.filter((column) => column !== "cost_impact_monthly")
    : [...REPORT_CSV_COLUMNS];
  const records = rows.map((row) => columns.map((column) => csvCell(row[column])));
  return stringify(records, { header: true, columns, record_delimiter: "windows" });
}
