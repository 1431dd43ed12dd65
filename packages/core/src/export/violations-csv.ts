// export_violations_csv (TOOLS.md tool 13): violations as RFC 4180 CSV, chosen columns, cursor pages.
import { stringify } from "csv-stringify/sync";
import { CoreInputError } from "../errors";
import type { Violation } from "../model";
import { formatCents } from "../report/money";
import { csvSafe } from "./csv-safe";
import { decodeCursor, encodeCursor } from "./cursor";
import type { SeverityFilter } from "./severity";
import { filterBySeverity } from "./severity";

export const VIOLATION_CSV_COLUMNS = [
  "resource_arn",
  "resource_id",
  "resource_type",
  "region",
  "account_id",
  "violation_type",
  "tag_name",
  "severity",
  "current_value",
  "allowed_values",
  "validation_regex",
  "cost_impact_monthly",
] as const;
export type ViolationCsvColumn = (typeof VIOLATION_CSV_COLUMNS)[number];

export const DEFAULT_VIOLATION_CSV_COLUMNS: readonly ViolationCsvColumn[] = [
  "resource_arn",
  "resource_type",
  "violation_type",
  "tag_name",
  "severity",
  "region",
];

export const DEFAULT_CSV_PAGE_SIZE = 1000;
export const MAX_CSV_PAGE_SIZE = 10_000;

export interface ViolationsCsvPage {
  csv: string;
  columns: ViolationCsvColumn[];
  /** Violations matching the filter, over all pages. */
  total: number;
  offset: number;
  returned: number;
  /** Pass back to get the next page; null on the last page. */
  next_cursor: string | null;
}

function resolveColumns(requested: readonly string[] | undefined): ViolationCsvColumn[] {
  if (requested === undefined) return [...DEFAULT_VIOLATION_CSV_COLUMNS];
  const known = new Set<string>(VIOLATION_CSV_COLUMNS);
  const unknown = requested.filter((column) => !known.has(column));
  if (unknown.length > 0) {
    throw new CoreInputError(
      "columns",
      `unknown columns: ${unknown.join(", ")}; choose from ${VIOLATION_CSV_COLUMNS.join(", ")}`,
    );
  }
  if (requested.length === 0)
    throw new CoreInputError("columns", "choose at least one column, or omit columns");
  // A repeated column adds nothing; keep the first position.
  return [...new Set(requested)] as ViolationCsvColumn[];
}

function cellOf(violation: Violation, column: ViolationCsvColumn): string {
  switch (column) {
    case "allowed_values":
      return csvSafe((violation.allowed_values ?? []).join("; "));
    case "validation_regex":
      return csvSafe(violation.validation_regex ?? "");
    case "current_value":
      return violation.current_value === null ? "" : csvSafe(violation.current_value);
    case "cost_impact_monthly":
      // Our own number, not customer text: no formula guard, always two decimals.
      return formatCents(violation.cost_impact_monthly);
    default:
      return csvSafe(violation[column]);
  }
}

/** Stable order, so pages do not shift when regions finish scanning in a different order. */
function compareViolations(a: Violation, b: Violation): number {
  const keyA = `${a.resource_arn}\u0000${a.tag_name}\u0000${a.violation_type}`;
  const keyB = `${b.resource_arn}\u0000${b.tag_name}\u0000${b.violation_type}`;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/** Every matching violation in one file: the body of the download URL (no pages, no page limit). */
export function exportViolationsCsvFile({
  violations,
  columns,
  severity = "all",
}: {
  violations: readonly Violation[];
  columns?: readonly string[];
  severity?: SeverityFilter;
}): { csv: string; columns: ViolationCsvColumn[]; rows: number } {
  const chosen = resolveColumns(columns);
  const rows = filterBySeverity(violations, severity).sort(compareViolations);
  return { csv: csvOf(rows, chosen), columns: chosen, rows: rows.length };
}

const csvOf = (rows: readonly Violation[], columns: ViolationCsvColumn[]) =>
  stringify(
    rows.map((violation) => columns.map((column) => cellOf(violation, column))),
    { header: true, columns, record_delimiter: "windows" },
  );

export function exportViolationsCsv({
  violations,
  columns,
  severity = "all",
  cursor,
  pageSize = DEFAULT_CSV_PAGE_SIZE,
}: {
  violations: readonly Violation[];
  columns?: readonly string[];
  severity?: SeverityFilter;
  cursor?: string | null;
  pageSize?: number;
}): ViolationsCsvPage {
  const chosen = resolveColumns(columns);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_CSV_PAGE_SIZE) {
    throw new CoreInputError("page_size", `page_size must be an integer from 1 to ${MAX_CSV_PAGE_SIZE}`);
  }
  const offset = cursor ? decodeCursor(cursor) : 0;
  const rows = filterBySeverity(violations, severity).sort(compareViolations);
  const page = rows.slice(offset, offset + pageSize);
  const end = offset + page.length;
  const csv = csvOf(page, chosen);
  return {
    csv,
    columns: chosen,
    total: rows.length,
    offset,
    returned: page.length,
    next_cursor: end < rows.length ? encodeCursor(end) : null,
  };
}
