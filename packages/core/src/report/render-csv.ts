// The report as one RFC 4180 table (CRLF line ends, quoted fields where needed). A spreadsheet
// wants one rectangle, so the sections share one header and a `section` column tells them apart;
// columns a section does not use stay empty.
import { stringify } from "csv-stringify/sync";
import { csvCell } from "../export/csv-safe";
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

type Row = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], string | number | null>>;

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
    cost_impact_monthly: row.cost_impact_monthly,
  }));

export function renderCsv(report: ComplianceReport): string {
  const rows: Row[] = [
    ...Object.entries(report.summary).map(([name, value]) => ({ section: "summary", name, value })),
    ...Object.entries(report.by_region ?? {}).map(([name, region]) => ({
      section: "region",
      name,
      value: region.score,
      resources: region.total,
      compliant: region.compliant,
      violations: region.violations ?? null,
    })),
    ...tagRows("top_by_count", report.top_violations_by_count),
    ...tagRows("top_by_cost", report.top_violations_by_cost),
    ...(report.recommendations ?? []).map((recommendation, index) => ({
      section: "recommendation",
      rank: index + 1,
      name: recommendation.rule,
      value: recommendation.message,
      priority: recommendation.priority,
    })),
  ];
  const records = rows.map((row) => REPORT_CSV_COLUMNS.map((column) => csvCell(row[column])));
  return stringify(records, { header: true, columns: [...REPORT_CSV_COLUMNS], record_delimiter: "windows" });
}
