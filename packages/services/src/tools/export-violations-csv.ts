// Tool 13: the violations as RFC 4180 CSV. A 50,000-resource account has tens of thousands of rows,
// far past what a model should read: the result inlines one short page and puts the whole file behind
// a signed, expiring download URL. Computed by core's exportViolationsCsv (the page) and
// exportViolationsCsvFile (the file).
import { exportViolationsCsvFile, exportViolationsCsv as toCsv, VIOLATION_CSV_COLUMNS } from "@tagc/core";
import { z } from "zod";
import { createDownload } from "../downloads/create";
import { defineTool } from "./define";
import { accounts, cursor, resourceTypes, scanId, severity } from "./inputs";
import { dataQuality, download } from "./outputs";
import { analyseAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";

/** Rows inlined per page: enough to show the columns and a sample, a few hundred tokens. */
export const CSV_INLINE_ROWS = 20;

export const exportViolationsCsv = defineTool({
  name: "export_violations_csv",
  title: "Export violations as CSV",
  description: `RFC 4180 CSV of the violations: a ${CSV_INLINE_ROWS}-row preview inline (next_cursor pages it) and the whole file at download.url (expires; give the user the link, do not fetch it). Columns: any of ${VIOLATION_CSV_COLUMNS.join(", ")}.`,
  input: z.strictObject({
    resource_types: resourceTypes,
    severity: severity.optional(),
    columns: z.array(z.enum(VIOLATION_CSV_COLUMNS)).min(1).max(VIOLATION_CSV_COLUMNS.length).optional(),
    cursor: cursor.optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    csv: z.string().describe("A preview page, with the header"),
    total: z.number(),
    returned: z.number(),
    next_cursor: z.string().nullable(),
    download,
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
    const chosen = {
      violations: evaluation.violations,
      ...(input.columns ? { columns: input.columns } : {}),
      ...(input.severity ? { severity: input.severity } : {}),
    };
    const page = toCsv({
      ...chosen,
      pageSize: CSV_INLINE_ROWS,
      ...(input.cursor ? { cursor: input.cursor } : {}),
    });
    const file = exportViolationsCsvFile(chosen);
    const link = await createDownload({
      ctx,
      input: {
        tool: "export_violations_csv",
        filename: "violations.csv",
        contentType: "text/csv; charset=utf-8",
        body: file.csv,
        rows: file.rows,
      },
    });
    return { ...page, download: link, data_quality: scan.data_quality };
  },
  summarize: (r) =>
    `${r.total} violations as CSV${r.returned ? `, rows ${r.offset + 1}-${r.offset + r.returned} inline` : ""}; the whole file (${r.download.rows} rows, ${r.download.bytes} bytes) at download.url until ${r.download.expires_at}.`,
});
