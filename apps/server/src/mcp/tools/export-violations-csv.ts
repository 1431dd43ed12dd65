import { VIOLATION_CSV_COLUMNS } from "@tagc/core";
import { exportViolationsCsv } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, cursor, dataQuality, resourceTypes, severity } from "../schemas";

export const exportViolationsCsvTool = defineTool({
  name: "export_violations_csv",
  title: "Export violations as CSV",
  description: `RFC 4180 CSV of the violations, paginated with next_cursor. Columns: any of ${VIOLATION_CSV_COLUMNS.join(", ")}.`,
  input: z.strictObject({
    resource_types: resourceTypes,
    severity: severity.optional(),
    columns: z
      .array(z.enum(VIOLATION_CSV_COLUMNS as unknown as [string, ...string[]]))
      .min(1)
      .max(VIOLATION_CSV_COLUMNS.length)
      .optional(),
    cursor: cursor.optional(),
    accounts: accounts.optional(),
  }),
  output: z.looseObject({
    csv: z.string(),
    total: z.number(),
    next_cursor: z.string().nullable(),
    data_quality: dataQuality,
  }),
  readsAws: true,
  run: (ctx, input) => exportViolationsCsv({ ctx, input }),
  summarize: (r) => `${r.returned} of ${r.total} violations as CSV.\n\n${String(r.csv).slice(0, 3000)}`,
});
