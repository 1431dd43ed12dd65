// The automation export as CSV: one row per resource and tag to set (RFC 4180, CRLF).
// Read by scripts as much as by people, so only the informational cells get the formula guard.
import { stringify } from "csv-stringify/sync";
import { ansibleModuleFor } from "./ansible-vars";
import { csvCell } from "./csv-safe";
import { changeHint } from "./remediation-hints";
import type { ResourceRemediation } from "./remediation-plan";

const BASE_COLUMNS = [
  "resource_arn",
  "resource_id",
  "resource_type",
  "region",
  "account_id",
  "tag_key",
  "tag_value",
  "value_source",
  "violation_type",
  "current_value",
] as const;

export function automationCsv(
  plan: readonly ResourceRemediation[],
  withModule: boolean,
  includeHints: boolean,
): string {
  const columns = [
    ...BASE_COLUMNS,
    ...(withModule ? ["ansible_module"] : []),
    ...(includeHints ? ["remediation_hint"] : []),
  ];
  const rows = plan.flatMap((entry) =>
    entry.changes.map((change) => [
      entry.resource_arn,
      entry.resource_id,
      entry.resource_type,
      entry.region,
      entry.account_id,
      // The key and value to apply come from the policy and must reach the script verbatim (an
      // Owner "@platform-team" with an apostrophe would be a wrong tag), so no formula guard here.
      change.tag,
      change.value,
      change.value_source,
      change.violation_type,
      // The current value is whatever someone typed into AWS: guarded like every human-facing cell.
      csvCell(change.current_value),
      ...(withModule ? [ansibleModuleFor(entry.resource_type) ?? ""] : []),
      ...(includeHints ? [csvCell(changeHint(change))] : []),
    ]),
  );
  return stringify(rows, { header: true, columns, record_delimiter: "windows" });
}
