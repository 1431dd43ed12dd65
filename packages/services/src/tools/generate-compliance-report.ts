// Tool 7: the check and the gap rendered as a report (json, csv or markdown) with recommendations.
// Computed by core's buildComplianceReport (scan/report.ts), the renderer scheduled audits share.
import { parseReportFormat } from "@tagc/core";
import { z } from "zod";
import { invalid } from "../errors";
import { defineTool } from "./define";
import { accounts, resourceTypes, scalar, scanId } from "./inputs";
import { dataQuality } from "./outputs";
import { analyseAccounts } from "./scan/pipeline";
import { renderAnalysisReport } from "./scan/report";
import { resolveResourceTypes } from "./scan/scope";
import { scoreReason } from "./scan/score-reason";
import { unreadAnalysis } from "./scan/unread";

export const generateComplianceReport = defineTool({
  name: "generate_compliance_report",
  title: "Compliance report",
  description:
    "Runs the compliance check and the cost gap, then renders a report (json, csv or markdown) with a summary, the top violations by count and by cost grouped by tag, and prioritized recommendations.",
  input: z.strictObject({
    resource_types: resourceTypes,
    format: scalar(z.string().max(20)).optional().describe("json | csv | markdown (case-insensitive)"),
    include_recommendations: z.boolean().optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    format: z.string(),
    content: z.string(),
    score_reason: z.string().nullable().describe("Why the summary has no compliance_score (null)"),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    // Validated before scanning: a typo must not cost a full scan.
    const format = parseReportFormat(input.format ?? "json");
    if (!format) throw invalid("format", "must be json, csv or markdown");
    const resourceTypes = resolveResourceTypes(input.resource_types);
    const analysis = await analyseAccounts(ctx, {
      tool: "generate_compliance_report",
      resourceTypes,
      allTypes: input.resource_types.includes("all"),
      accounts: input.accounts,
      costs: {},
    }).catch((error: unknown) => {
      // The role was refused in this call: a report of "nothing could be read", with no score.
      const unread = unreadAnalysis(ctx, error);
      if (!unread) throw error;
      return unread;
    });
    const rendered = renderAnalysisReport(analysis, format, input.include_recommendations ?? true);
    return {
      format: rendered.format,
      content: rendered.content,
      summary: rendered.report.summary,
      not_taggable: rendered.report.not_taggable,
      score_reason: scoreReason(analysis.evaluation, analysis.scan),
      recommendations: rendered.report.recommendations,
      scan_timestamp: analysis.scan.scanned_at,
      data_quality: analysis.scan.data_quality,
    };
  },
  summarize: (r) =>
    `Compliance report (${r.format}):${r.score_reason ? ` ${r.score_reason}` : ""}\n\n${r.content.slice(0, 4000)}`,
});
