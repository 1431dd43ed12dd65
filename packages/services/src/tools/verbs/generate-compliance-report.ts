import { parseReportFormat } from "@tagc/core";
import type { ToolCtx } from "../context";
import { invalidInput } from "../errors";
import { analyse } from "../scan/analyse";
import { renderAnalysisReport } from "../scan/report";
import { resolveResourceTypes } from "../scan/scope";

export interface ReportInput {
  resource_types: string[];
  format?: string | undefined;
  include_recommendations?: boolean | undefined;
  accounts?: string[] | undefined;
}

export async function generateComplianceReport({ ctx, input }: { ctx: ToolCtx; input: ReportInput }) {
  // Validated before scanning: a typo must not cost a full scan.
  const format = parseReportFormat(input.format ?? "json");
  if (!format) throw invalidInput("format", "must be json, csv or markdown");
  const resourceTypes = resolveResourceTypes(input.resource_types);
  const { evaluation, gap, scan } = await analyse(ctx, {
    tool: "generate_compliance_report",
    resourceTypes,
    allTypes: input.resource_types.includes("all"),
    accounts: input.accounts,
    withCosts: true,
  });
  const rendered = renderAnalysisReport({ evaluation, gap }, format, input.include_recommendations ?? true);
  return {
    format: rendered.format,
    content: rendered.content,
    summary: rendered.report.summary,
    recommendations: rendered.report.recommendations,
    scan_timestamp: scan.scanned_at,
    data_quality: scan.data_quality,
  };
}
