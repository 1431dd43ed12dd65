import { buildComplianceReport, type ReportExtras, type ReportFormat } from "@tagc/core";
import type { Analysis } from "./analyse";
import { gapNoteOf } from "./score-reason";

/** The compliance report of one analysis: the report tool and scheduled audits render it the same way. */
export function renderAnalysisReport(
  { evaluation, gap, scan }: Pick<Analysis, "evaluation" | "gap" | "scan">,
  format: ReportFormat,
  includeRecommendations = true,
  extras: ReportExtras = {},
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
    extras: {
      // The gap's breakdown is by resource type unless a caller grouped it otherwise.
      gap_by_resource_type:
        gap?.group_by === "resource_type"
          ? Object.fromEntries(Object.entries(gap.breakdown).map(([type, group]) => [type, group.gap]))
          : null,
      accounts: scan.accounts,
      generated_at: scan.scanned_at,
      ...extras,
    },
  });
}
