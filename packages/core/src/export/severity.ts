// The severity filter selects which violations are listed; it never changes scores or totals.
import type { Violation } from "../model";

export type SeverityFilter = "all" | "errors_only" | "warnings_only";

export function filterBySeverity(violations: readonly Violation[], severity: SeverityFilter): Violation[] {
  if (severity === "all") return [...violations];
  const wanted = severity === "errors_only" ? "error" : "warning";
  return violations.filter((violation) => violation.severity === wanted);
}
