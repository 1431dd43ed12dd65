// generate_compliance_report (TOOLS.md tool 7): summary, top tags by count and by cost, rule-based
// recommendations, rendered as JSON, CSV (RFC 4180), Markdown or one self-contained HTML file.
import { notTaggableSentence } from "../compliance/not-taggable";
import { CURRENCY, roundCents } from "./money";
import { buildRecommendations } from "./recommendations";
import { renderCsv } from "./render-csv";
import { renderHtml } from "./render-html";
import { renderMarkdown } from "./render-markdown";
import { summarizeByTag, topByCost, topByCount } from "./tag-summary";
import type {
  ComplianceReport,
  RenderedReport,
  ReportComplianceInput,
  ReportExtras,
  ReportFormat,
  ReportGapInput,
} from "./types";

export const COSTLESS_NOTE =
  "No cost columns or ranking by cost: every violating resource has $0 of reported monthly spend.";

export function buildComplianceReport({
  compliance,
  gap,
  format,
  includeRecommendations = true,
  extras = {},
}: {
  compliance: ReportComplianceInput;
  gap: ReportGapInput;
  format: ReportFormat;
  includeRecommendations?: boolean;
  /** The trend and the gap by type, drawn by the Markdown and HTML reports only. */
  extras?: ReportExtras;
}): RenderedReport {
  const tags = summarizeByTag(compliance.violations);
  // A ranking by $0 costs is an arbitrary order that reads like a finding: leave cost out instead.
  const costless = tags.length > 0 && tags.every((row) => row.cost_impact_monthly === 0);
  const errors = compliance.violations.filter((violation) => violation.severity === "error").length;
  const report: ComplianceReport = {
    summary: {
      compliance_score: compliance.score,
      total_resources: compliance.total,
      compliant_resources: compliance.compliant,
      non_compliant_resources: compliance.total - compliance.compliant,
      violations: compliance.violations.length,
      errors,
      warnings: compliance.violations.length - errors,
      cost_total: roundCents(gap.total),
      cost_attributable: roundCents(gap.attributable),
      cost_gap: roundCents(gap.gap),
      cost_gap_percentage: roundCents(gap.gap_percentage),
      currency: CURRENCY,
      cost_note: gap.note ?? null,
    },
    by_region: compliance.by_region ?? null,
    top_violations_by_count: topByCount(tags),
    top_violations_by_cost: costless ? null : topByCost(tags),
    cost_note: costless ? COSTLESS_NOTE : null,
    not_taggable: [...(compliance.not_taggable ?? [])],
    not_taggable_note: notTaggableSentence(compliance.not_taggable ?? []),
    recommendations: includeRecommendations ? buildRecommendations(compliance, gap, tags) : null,
  };
  const render: Record<ReportFormat, () => string> = {
    json: () => JSON.stringify(report, null, 2),
    csv: () => renderCsv(report),
    markdown: () => renderMarkdown(report, extras),
    html: () => renderHtml(report, extras),
  };
  const content = render[format]();
  return { format, content, report };
}
