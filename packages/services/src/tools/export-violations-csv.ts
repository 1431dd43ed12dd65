// Tool 13: the violations as RFC 4180 CSV, paginated. Computed by core's exportViolationsCsv.
import { exportViolationsCsv as toCsv, VIOLATION_CSV_COLUMNS } from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { accounts, cursor, resourceTypes, scanId, severity } from "./inputs";
import { dataQuality } from "./outputs";
import { analyseAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";

export const exportViolationsCsv = defineTool({
  name: "export_violations_csv",
  title: "Export violations as CSV",
  description: `RFC 4180 CSV of the violations, paginated with next_cursor. Columns: any of ${VIOLATION_CSV_COLUMNS.join(", ")}.`,
  input: z.strictObject({
    resource_types: resourceTypes,
    severity: severity.optional(),
    columns: z.array(z.enum(VIOLATION_CSV_COLUMNS)).min(1).max(VIOLATION_CSV_COLUMNS.length).optional(),
    cursor: cursor.optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    csv: z.string(),
    total: z.number(),
    returned: z.number(),
    next_cursor: z.string().nullable(),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const resourceTypes = resolveResourceTypes(input.resource_types);
    const { evaluation, scan } = await analyseAccounts(ctx, {
      tool: "export_violations_csv",
      resourceTypes,
      allTypes: input.resource_types.includes("all"),
      accounts: input.accounts,
      costs: input.columns?.includes("cost_impact_monthly") ? {} : undefined,
    });
    const page = toCsv({
      violations: evaluation.violations,
      ...(input.columns ? { columns: input.columns } : {}),
      ...(input.severity ? { severity: input.severity } : {}),
      ...(input.cursor ? { cursor: input.cursor } : {}),
    });
    return { ...page, data_quality: scan.data_quality };
  },
  summarize: (r) => `${r.returned} of ${r.total} violations as CSV.\n\n${r.csv.slice(0, 3000)}`,
});
