import { describe, expect, it } from "vitest";
import { buildComplianceReport } from "../../src/report/build";
import type { ReportComplianceInput, ReportGapInput } from "../../src/report/types";
import { many, violation } from "./violations";

const HOSTILE = `<img src=x onerror="alert(1)">`;

const COMPLIANCE: ReportComplianceInput = {
  score: 0.25,
  total: 8,
  compliant: 2,
  violations: [
    ...many(3, "i", { cost_impact_monthly: 40 }),
    violation({
      resource_id: "b",
      resource_arn: "arn:aws:s3:::b",
      resource_type: "s3:bucket",
      tag_name: HOSTILE,
      cost_impact_monthly: 10,
    }),
  ],
  by_region: { "us-east-1": { score: 0.25, total: 8, compliant: 2, violations: 4 } },
};
const GAP: ReportGapInput = { total: 500, attributable: 100, gap: 400, gap_percentage: 80 };

const html = (extras = {}, compliance = COMPLIANCE) =>
  buildComplianceReport({ compliance, gap: GAP, format: "html", extras }).content;

describe("the HTML report", () => {
  it("is one document with the summary figures, three charts and their tables", () => {
    const page = html({
      gap_by_resource_type: { "ec2:instance": 300, "s3:bucket": 100 },
      trend: {
        days: ["2026-10-01", "2026-10-02"],
        overall: [
          { day: "2026-10-01", score: 0.2 },
          { day: "2026-10-02", score: 0.25 },
        ],
        accounts: [
          {
            account_id: "111111111111",
            points: [
              { day: "2026-10-01", score: 0.2 },
              { day: "2026-10-02", score: 0.25 },
            ],
          },
        ],
      },
      accounts: ["111111111111"],
    });
    expect(page).toMatch(/^<!doctype html><html lang="en">/);
    expect(page).toContain('<dd data-metric="compliance_score">25%</dd>');
    expect(page).toContain('<dd data-metric="violations">4</dd>');
    expect(page).toContain('<dd data-metric="cost_gap">$400.00 (80%)</dd>');
    expect(page.match(/<svg /g)).toHaveLength(3);
    expect(page.match(/<table class="sr-only">/g)).toHaveLength(3);
    expect(page).toContain("@media print");
    expect(page).toContain("AWS accounts: 111111111111");
  });

  it("escapes tag names everywhere they appear", () => {
    const page = html();
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("says what is missing instead of drawing an empty chart", () => {
    const page = html({}, { ...COMPLIANCE, violations: many(2, "i", { cost_impact_monthly: 0 }) });
    expect(page.match(/<svg /g)).toBeNull();
    expect(page).toContain("No stored snapshots yet");
    expect(page).toContain("No cost by resource type was reported.");
    // Every violation at $0: no ranking by cost, the note says why.
    expect(page).toContain("every violating resource has $0");
  });
});
