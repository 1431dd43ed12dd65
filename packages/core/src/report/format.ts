// TOOLS.md tool 7: format is case-insensitive and validated before scanning, so the services layer
// calls this first and only then runs the (slow, billed) scan.
import type { ReportFormat } from "./types";

const FORMATS: readonly ReportFormat[] = ["json", "csv", "markdown", "html"];

/** The format named by `value` ("Markdown", " CSV "), or null when it is not one we render. */
export function parseReportFormat(value: string): ReportFormat | null {
  const lowered = value.trim().toLowerCase();
  return FORMATS.find((format) => format === lowered) ?? null;
}
