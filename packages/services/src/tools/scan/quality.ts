import type { AccountQuality, ScanQuality } from "./types";

/** One data_quality for the whole call, with the sentence the model must heed when partial. */
export function mergeQuality(parts: AccountQuality[]): ScanQuality {
  const issues = parts.flatMap((p) => p.issues);
  const partial = issues.length > 0;
  return {
    status: partial ? "partial" : "complete",
    issues,
    tagged_only_types: [...new Set(parts.flatMap((p) => p.tagged_only_types))].sort(),
    note: partial
      ? "Some regions, resource types or accounts could not be read (see issues). Do not present these numbers as account-wide totals; say which parts are missing."
      : null,
  };
}
