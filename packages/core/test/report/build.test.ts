import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildComplianceReport } from "../../src/report/build";
import { parseReportFormat } from "../../src/report/format";
import { REPORT_CSV_COLUMNS } from "../../src/report/render-csv";
import type { ReportComplianceInput, ReportGapInput } from "../../src/report/types";
import { many, violation } from "./violations";

// 12 instances missing Environment ($100 each), 3 functions with a malformed Owner ($50 each),
// 2 databases missing Application ($900 each).
const VIOLATIONS = [
  ...many(12, "i", { cost_impact_monthly: 100 }),
  ...many(3, "fn", {
    resource_type: "lambda:function",
    tag_name: "Owner",
    violation_type: "invalid_format",
    severity: "warning",
    current_value: "team a",
    allowed_values: null,
    cost_impact_monthly: 50,
  }),
  ...many(2, "db", {
    resource_type: "rds:db",
    tag_name: "Application",
    allowed_values: null,
    cost_impact_monthly: 900,
  }),
];
const POOR: ReportComplianceInput = {
  score: 0.45,
  total: 40,
  compliant: 18,
  violations: VIOLATIONS,
  by_region: { "us-east-1": { score: 0.45, total: 40, compliant: 18, violations: 17 } },
};
const BIG_GAP: ReportGapInput = { total: 10_000, attributable: 4000, gap: 6000, gap_percentage: 60 };

const rules = (compliance: ReportComplianceInput, gap: ReportGapInput) =>
  buildComplianceReport({ compliance, gap, format: "json" }).report.recommendations?.map((r) => [
    r.priority,
    r.rule,
  ]);

describe("buildComplianceReport: content", () => {
  const { report } = buildComplianceReport({ compliance: POOR, gap: BIG_GAP, format: "json" });

  it("summarises the check and the cost gap", () => {
    expect(report.summary).toEqual({
      compliance_score: 0.45,
      total_resources: 40,
      compliant_resources: 18,
      non_compliant_resources: 22,
      violations: 17,
      errors: 14,
      warnings: 3,
      cost_total: 10_000,
      cost_attributable: 4000,
      cost_gap: 6000,
      cost_gap_percentage: 60,
      currency: "USD",
      cost_note: null,
    });
  });

  it("ranks tags by violation count and by the cost of the affected resources", () => {
    expect(report.top_violations_by_count.map((row) => [row.tag_name, row.violations])).toEqual([
      ["Environment", 12],
      ["Owner", 3],
      ["Application", 2],
    ]);
    expect(report.top_violations_by_cost?.map((row) => [row.tag_name, row.cost_impact_monthly])).toEqual([
      ["Application", 1800],
      ["Environment", 1200],
      ["Owner", 150],
    ]);
    expect(report.top_violations_by_count[1]).toEqual({
      tag_name: "Owner",
      violations: 3,
      missing_required_tag: 0,
      invalid_value: 0,
      invalid_format: 3,
      key_case_mismatch: 0,
      aliased_value: 0,
      resources: 3,
      cost_impact_monthly: 150,
    });
  });

  it("keeps the top 10 tags and counts a resource's cost once per tag", () => {
    const violations = [
      ...Array.from({ length: 12 }, (_, i) =>
        violation({
          resource_id: `r${i}`,
          tag_name: `T${String(i).padStart(2, "0")}`,
          cost_impact_monthly: i,
        }),
      ),
      violation({
        resource_id: "r0",
        tag_name: "T00",
        violation_type: "invalid_value",
        cost_impact_monthly: 0,
      }),
    ];
    const { report: top } = buildComplianceReport({
      compliance: { score: 0.5, total: 12, compliant: 0, violations },
      gap: { total: 0, attributable: 0, gap: 0, gap_percentage: 0 },
      format: "json",
    });
    expect(top.top_violations_by_count.map((row) => row.tag_name)).toEqual([
      "T00",
      "T01",
      "T02",
      "T03",
      "T04",
      "T05",
      "T06",
      "T07",
      "T08",
      "T09",
    ]);
    expect(top.top_violations_by_count[0]).toMatchObject({ violations: 2, resources: 1, invalid_value: 1 });
    expect(top.top_violations_by_cost?.map((row) => row.tag_name)).toEqual([
      "T11",
      "T10",
      "T09",
      "T08",
      "T07",
      "T06",
      "T05",
      "T04",
      "T03",
      "T02",
    ]);
  });
});

describe("buildComplianceReport: recommendation rules", () => {
  it("fires the high and medium rules of a poor estate, in rule order", () => {
    expect(rules(POOR, BIG_GAP)).toEqual([
      ["high", "largest_tag_cost_gap"],
      ["high", "tag_missing_widely"],
      ["high", "low_compliance_score"],
      ["high", "large_attribution_gap"],
      ["medium", "type_with_most_violations"],
    ]);
    const messages = buildComplianceReport({ compliance: POOR, gap: BIG_GAP, format: "json" }).report
      .recommendations;
    expect(messages?.[0]?.message).toContain("Application tag first: $1,800.00");
    expect(messages?.[1]?.message).toContain("Environment tag is missing on 12 resources");
    expect(messages?.[4]?.message).toContain("ec2:instance has the most violations (12)");
  });

  it("stays quiet exactly at the thresholds: $1,000 tag cost, 10 missing, 5 violations, score 0.5, gap $1,000", () => {
    const violations = [
      ...many(5, "i", { cost_impact_monthly: 100 }),
      ...many(5, "fn", { resource_type: "lambda:function", cost_impact_monthly: 100 }),
    ];
    expect(
      rules(
        { score: 0.5, total: 20, compliant: 10, violations },
        { total: 2000, attributable: 1000, gap: 1000, gap_percentage: 50 },
      ),
    ).toEqual([]);
  });

  it("reports a gap between $1,000 and $5,000 as medium only, and maintain at a score of 0.9", () => {
    const gap = (value: number): ReportGapInput => ({
      total: 9000,
      attributable: 9000 - value,
      gap: value,
      gap_percentage: 1,
    });
    const good = { score: 0.9, total: 10, compliant: 9, violations: [] };
    expect(rules(good, gap(5000))).toEqual([
      ["medium", "attribution_gap"],
      ["low", "maintain"],
    ]);
    expect(rules(good, gap(5000.01))).toEqual([
      ["high", "large_attribution_gap"],
      ["low", "maintain"],
    ]);
    expect(rules({ ...good, score: 0.8999 }, gap(0))).toEqual([]);
  });

  it("takes the per-tag cost from the gap when given", () => {
    const recommendations = buildComplianceReport({
      compliance: { score: 0.7, total: 1, compliant: 0, violations: [] },
      gap: { total: 0, attributable: 0, gap: 0, gap_percentage: 0, by_tag: { Owner: 2500, CostCenter: 900 } },
      format: "json",
    }).report.recommendations;
    expect(recommendations).toEqual([
      {
        priority: "high",
        rule: "largest_tag_cost_gap",
        message:
          "Fix the Owner tag first: $2,500.00 of monthly spend sits on resources where it is missing or invalid.",
      },
    ]);
  });

  it("leaves recommendations out when not requested", () => {
    const built = buildComplianceReport({
      compliance: POOR,
      gap: BIG_GAP,
      format: "markdown",
      includeRecommendations: false,
    });
    expect(built.report.recommendations).toBeNull();
    expect(built.content).not.toContain("## Recommendations");
  });
});

describe("buildComplianceReport: formats", () => {
  it("JSON content is the report", () => {
    const built = buildComplianceReport({ compliance: POOR, gap: BIG_GAP, format: "json" });
    expect(JSON.parse(built.content)).toEqual(built.report);
  });

  it("CSV is RFC 4180 (CRLF, quoted commas and quotes) and parses back to the report", () => {
    const compliance = {
      ...POOR,
      violations: [
        ...POOR.violations,
        violation({ resource_id: "x", tag_name: 'Team, "core"' }),
        violation({ resource_id: "y", tag_name: "=cmd" }),
      ],
    };
    const { content } = buildComplianceReport({ compliance, gap: BIG_GAP, format: "csv" });
    expect(content.split("\r\n")[0]).toBe(REPORT_CSV_COLUMNS.join(","));
    expect(content.replace(/\r\n/g, "")).not.toContain("\n");
    const rows: Record<string, string>[] = parse(content, { columns: true });
    expect(rows.find((r) => r.section === "summary" && r.name === "compliance_score")?.value).toBe("0.45");
    const byCount = rows.filter((r) => r.section === "top_by_count");
    expect(byCount.map((r) => [r.rank, r.name, r.violations])).toEqual([
      ["1", "Environment", "12"],
      ["2", "Owner", "3"],
      ["3", "Application", "2"],
      ["4", "'=cmd", "1"],
      ["5", 'Team, "core"', "1"],
    ]);
    expect(rows.find((r) => r.section === "region")).toMatchObject({
      name: "us-east-1",
      value: "0.45",
      resources: "40",
      compliant: "18",
    });
    const recommendations = rows.filter((r) => r.section === "recommendation");
    expect(recommendations).toHaveLength(5);
    expect(recommendations[0]).toMatchObject({ rank: "1", priority: "high", name: "largest_tag_cost_gap" });
    expect(recommendations[0]?.value).toContain("$1,800.00");
  });

  it("Markdown has a summary, tables and numbered recommendations", () => {
    const { content } = buildComplianceReport({
      compliance: {
        score: 0.95,
        total: 20,
        compliant: 19,
        violations: [violation({ resource_id: "a", tag_name: "a|b_c", cost_impact_monthly: 12.5 })],
      },
      gap: { total: 2500, attributable: 1000, gap: 1500, gap_percentage: 60 },
      format: "markdown",
    });
    const tagRow = "| 1 | a\\|b\\_c | 1 | 1 | 0 | 0 | 1 | $12.50 |";
    expect(content).toBe(
      [
        "# Tag compliance report",
        "",
        "## Summary",
        "",
        "| Metric | Value |",
        "|---|---|",
        "| Compliance score | 95% |",
        "| Resources scanned | 20 |",
        "| Compliant | 19 |",
        "| Non-compliant | 1 |",
        "| Violations | 1 (1 errors, 0 warnings) |",
        "| Monthly spend | $2,500.00 |",
        "| Attributable spend | $1,000.00 |",
        "| Attribution gap | $1,500.00 (60%) |",
        "",
        "## Top violations by count",
        "",
        "| # | Tag | Violations | Missing | Invalid value | Invalid format | Resources | Monthly cost |",
        "|---|---|---|---|---|---|---|---|",
        tagRow,
        "",
        "## Top violations by cost",
        "",
        "| # | Tag | Violations | Missing | Invalid value | Invalid format | Resources | Monthly cost |",
        "|---|---|---|---|---|---|---|---|",
        tagRow,
        "",
        "## Recommendations",
        "",
        "1. **Medium**: $1,500.00 of monthly spend cannot be attributed: review the untagged resources with the largest cost.",
        "2. **Low**: Compliance is 95%: keep it there with a scheduled audit and drift detection.",
        "",
      ].join("\n"),
    );
  });

  it("Markdown says so when there is nothing to list, and shows regions", () => {
    const { content } = buildComplianceReport({
      compliance: {
        score: 1,
        total: 0,
        compliant: 0,
        violations: [],
        by_region: {
          "us-east-1": { score: 0.5, total: 4, compliant: 2, violations: 3 },
          "eu-west-1": { score: 1, total: 0, compliant: 0 },
        },
      },
      gap: { total: 0, attributable: 0, gap: 0, gap_percentage: 0 },
      format: "markdown",
    });
    expect(content).toContain(
      [
        "## Compliance by region",
        "",
        "| Region | Score | Resources | Compliant | Violations |",
        "|---|---|---|---|---|",
        "| eu-west-1 | 100% | 0 | 0 |  |",
        "| us-east-1 | 50% | 4 | 2 | 3 |",
      ].join("\n"),
    );
    expect(content).toContain("## Top violations by count\n\nNo violations.");
  });

  it.each([
    ["Markdown", "markdown"],
    [" CSV ", "csv"],
    ["json", "json"],
    ["pdf", null],
  ])("parses the format %j case-insensitively", (input, expected) => {
    expect(parseReportFormat(input)).toBe(expected);
  });
});

describe("buildComplianceReport: nothing was read", () => {
  const NOTHING: ReportComplianceInput = { score: null, total: 0, compliant: 0, violations: [] };
  const NOTE = "No resources of the requested types were found and no spend was reported for their services.";
  const NO_GAP: ReportGapInput = { total: 0, attributable: 0, gap: 0, gap_percentage: 0, note: NOTE };

  it("carries no score, fires no score rule, and the Markdown says there is no score instead of 100%", () => {
    const built = buildComplianceReport({ compliance: NOTHING, gap: NO_GAP, format: "markdown" });
    expect(built.report.summary.compliance_score).toBeNull();
    expect(rules(NOTHING, NO_GAP)).toEqual([]);
    expect(built.content).toContain("| Compliance score | no score (nothing was read) |");
    expect(built.content).not.toContain("100%");
    // The cost section says why its $0 gap is not good tagging.
    expect(built.report.summary.cost_note).toBe(NOTE);
    expect(built.content).toContain(`> ${NOTE}`);
  });
});
