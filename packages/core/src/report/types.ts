// Inputs and output of generate_compliance_report (TOOLS.md tool 7). Inputs are plain data so the
// services layer can pass the check and the cost gap results without adapting them.
import type { NotTaggableEntry } from "../compliance/not-taggable";
import type { ScoreTrend } from "../history/score-trend";
import type { Violation } from "../model";

export type ReportFormat = "json" | "csv" | "markdown" | "html";

/** Matches compliance/breakdown's ComplianceBreakdown, so evaluateCompliance's by_region fits as is. */
export interface RegionCompliance {
  score: number;
  total: number;
  compliant: number;
  violations?: number;
}

export interface ReportComplianceInput {
  /** 0–1; null when nothing was in scope (no score is claimed). */
  score: number | null;
  total: number;
  compliant: number;
  /** Every violation (all severities): the report summarises, it does not page. */
  violations: readonly Violation[];
  by_region?: Record<string, RegionCompliance>;
  /** Found resources of types AWS cannot tag (evaluateCompliance's not_taggable). */
  not_taggable?: readonly NotTaggableEntry[];
}

export interface ReportGapInput {
  total: number;
  attributable: number;
  gap: number;
  gap_percentage: number;
  /** The gap's note (cost/gap-note.ts): why a small or zero gap is not good tagging. */
  note?: string | null;
  /** Monthly spend of resources violating each tag; computed from the violations when absent. */
  by_tag?: Record<string, number>;
}

/**
 * What the Markdown and HTML reports show beyond the scan itself. JSON and CSV leave it out, so their
 * shape stays that of TOOLS.md.
 */
export interface ReportExtras {
  /** The stored snapshots' score over time (history/score-trend.ts); null or absent: none stored. */
  trend?: ScoreTrend | null;
  /** The attribution gap per resource type (the cost gap's breakdown), in USD. */
  gap_by_resource_type?: Record<string, number> | null;
  /** When the scan behind the report ran (ISO 8601), printed in the HTML header. */
  generated_at?: string;
  /** The AWS accounts the scan covered, printed in the HTML header. */
  accounts?: readonly string[];
}

export interface TagViolationSummary {
  tag_name: string;
  violations: number;
  missing_required_tag: number;
  invalid_value: number;
  invalid_format: number;
  key_case_mismatch: number;
  aliased_value: number;
  /** Distinct resources with a violation of this tag. */
  resources: number;
  /** Summed once per resource. */
  cost_impact_monthly: number;
}

export type RecommendationPriority = "high" | "medium" | "low";

export interface Recommendation {
  priority: RecommendationPriority;
  /** Stable id of the rule that fired. */
  rule: string;
  message: string;
}

export interface ComplianceReport {
  summary: {
    compliance_score: number | null;
    total_resources: number;
    compliant_resources: number;
    non_compliant_resources: number;
    violations: number;
    errors: number;
    warnings: number;
    cost_total: number;
    cost_attributable: number;
    cost_gap: number;
    cost_gap_percentage: number;
    /** The currency of every amount in the report. */
    currency: string;
    /** No resources, $0 reported, or all properly tagged; null when the gap is real. */
    cost_note: string | null;
  };
  by_region: Record<string, RegionCompliance> | null;
  top_violations_by_count: TagViolationSummary[];
  /** null when every violation costs $0: a ranking by cost would be an arbitrary order. */
  top_violations_by_cost: TagViolationSummary[] | null;
  /** One line saying why cost columns are left out; null when they are shown. */
  cost_note: string | null;
  /** Found resources AWS cannot tag: counted, never violations, outside the score. */
  not_taggable: NotTaggableEntry[];
  /** The sentence saying so; null when there are none. */
  not_taggable_note: string | null;
  /** null when recommendations were not requested (an empty list means no rule fired). */
  recommendations: Recommendation[] | null;
}

export interface RenderedReport {
  format: ReportFormat;
  /** The report in the requested format (JSON text, CSV, Markdown). */
  content: string;
  report: ComplianceReport;
}
