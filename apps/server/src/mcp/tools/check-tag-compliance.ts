import { checkTagCompliance } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, cursor, dataQuality, filters, regionsOf, resourceTypes, severity } from "../schemas";

export const checkTagComplianceTool = defineTool({
  name: "check_tag_compliance",
  title: "Check tag compliance",
  description:
    "Scans the client's AWS account(s) and scores tagging against the client's policy: compliance_score (0–1), violations (first 100, with next_cursor), the cost attribution gap, and per-region and per-account breakdowns. Call get_tagging_policy first to learn which resource types the policy covers. If data_quality.status is partial, say which regions or types are missing; never present partial numbers as account-wide. Results are cached for a few minutes; force_refresh bypasses the cache.",
  input: z.strictObject({
    resource_types: resourceTypes,
    filters: filters.optional(),
    accounts: accounts.optional(),
    severity: severity.optional().describe("Which violations to list; never changes the score"),
    store_snapshot: z
      .boolean()
      .optional()
      .describe("Store the aggregate in the history (get_violation_history)"),
    force_refresh: z.boolean().optional(),
    cursor: cursor.optional(),
  }),
  output: z.looseObject({
    compliance_score: z.number(),
    total_resources: z.number(),
    compliant_resources: z.number(),
    violations: z.array(z.looseObject({ resource_arn: z.string(), tag_name: z.string() })),
    violations_total: z.number(),
    next_cursor: z.string().nullable(),
    stored_in_history: z.boolean(),
    scan_timestamp: z.string(),
    data_quality: dataQuality,
  }),
  readsAws: true,
  run: (ctx, input) =>
    checkTagCompliance({
      ctx,
      input: { ...input, filters: { ...input.filters, regions: regionsOf(input.filters) } },
    }),
  summarize: (r) =>
    `Compliance score ${(Number(r.compliance_score) * 100).toFixed(1)}%: ${r.compliant_resources} of ${r.total_resources} resources compliant, ${r.violations_total} violations listed (data quality: ${(r.data_quality as { status: string }).status}).`,
});
