// Tool 7: the check and the gap rendered as a report (json, csv, markdown or a self-contained HTML
// file behind a signed URL) with recommendations.
// Computed by core's buildComplianceReport (scan/report.ts), the renderer scheduled audits share.
import { parseReportFormat } from "@tagc/core";
import { z } from "zod";
import { getScoreTrend } from "../charts/score-trend";
import { createDownload } from "../downloads/create";
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
    "Compliance check plus cost gap as a report (json, csv, markdown; html with charts at download.url): summary, top violations per tag by count and cost, recommendations.",
  input: z.strictObject({
    resource_types: resourceTypes,
    format: scalar(z.string().max(20)).optional().describe("json|csv|markdown|html"),
    include_recommendations: z.boolean().optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    format: z.string(),
    content: z.string(),
    score_reason: z.string().nullable().describe("Why compliance_score is null"),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    // Validated before scanning: a typo must not cost a full scan.
    const format = parseReportFormat(input.format ?? "json");
    if (!format) throw invalid("format", "must be json, csv, markdown or html");
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
    const recommend = input.include_recommendations ?? true;
    // The stored trend is drawn (html) or tabled (markdown); json and csv keep TOOLS.md's shape.
    const extras =
      format === "html" || format === "markdown" ? { trend: await getScoreTrend({ ctx, input: {} }) } : {};
    const rendered = renderAnalysisReport(analysis, format, recommend, extras);
    // The HTML file goes behind a signed URL; the model reads the same report as Markdown.
    const download =
      format === "html"
        ? await createDownload({
            ctx,
            input: {
              tool: "generate_compliance_report",
              filename: "compliance-report.html",
              contentType: "text/html; charset=utf-8",
              body: rendered.content,
              // One document, not a table of records.
              rows: 1,
            },
          })
        : undefined;
    return {
      format: rendered.format,
      content: download
        ? renderAnalysisReport(analysis, "markdown", recommend, extras).content
        : rendered.content,
      ...(download ? { download } : {}),
      summary: rendered.report.summary,
      not_taggable: rendered.report.not_taggable,
      score_reason: scoreReason(analysis.evaluation, analysis.scan),
      recommendations: rendered.report.recommendations,
      scan_timestamp: analysis.scan.scanned_at,
      data_quality: analysis.scan.data_quality,
    };
  },
  summarize: (r) =>
    `Compliance report (${r.format})${r.download ? `, the HTML file at download.url until ${r.download.expires_at}` : ""}:${r.score_reason ? ` ${r.score_reason}` : ""}\n\n${r.content.slice(0, 4000)}`,
});
