import { buildComplianceReport, type ReportFormat } from "@tagc/core";
import type { Analysis } from "./analyse";
import { gapNoteOf } from "./score-reason";

/** The compliance report of one analysis: the report tool and scheduled audits render it the same way. */
export function renderAnalysisReport(
  { evaluation, gap, scan }: Pick<Analysis, "evaluation" | "gap" | "scan">,
  format: ReportFormat,
  includeRecommendations = true,
) {
  return buildComplianceReport({
    compliance: {
      score: evaluation.compliance_score,
      total: evaluation.total_resources,
      compliant: evaluation.compliant_resources,
      violations: evaluation.violations,
      by_region: evaluation.by_region,
      not_taggable: evaluation.not_taggable,
    },
    gap: {
      total: gap?.total ?? 0,
      attributable: gap?.attributable ?? 0,
      gap: gap?.gap ?? 0,
      gap_percentage: gap?.gap_percentage ?? 0,
      note: gap ? gapNoteOf(gap, scan.resources.length, scan.data_quality.issues) : null,
    },
    format,
    includeRecommendations,
  });
}
