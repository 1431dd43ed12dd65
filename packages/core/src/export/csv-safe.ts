// CSV cells that a spreadsheet would run as a formula. Tag keys and values are set by anyone with
// tagging rights in the customer's account, and AWS allows "=", "+", "-" and "@" in both, so a
// value like =HYPERLINK(...) must not execute when a FinOps user opens our export (OWASP "CSV
// injection"). Such a string gets a leading apostrophe; numbers are written as numbers, untouched.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** csvSafe for string cells, everything else as is (csv-stringify writes null as an empty cell). */
export function csvCell(value: string | number | null | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? csvSafe(value) : value;
}
