import { describe, expect, it } from "vitest";
import type { AttributionGap } from "../../src/cost/gap-types";
import { buildComplianceReport } from "../../src/report/build";
import { gapSummary } from "../../src/report/gap-summary";
import { violation } from "./violations";

const group = (gap: number) => ({
  total: gap,
  attributable: 0,
  gap,
  resources_scanned: 1,
  compliant: 0,
  non_compliant: 1,
  note: null,
});

const gap = (over: Partial<AttributionGap> = {}): AttributionGap => ({
  period: { start: "2026-11-01", end: "2026-12-01" },
  group_by: "resource_type",
  total: 300,
  attributable: 100,
  unattributable_by_nature: 0,
  unattributable_services: {},
  taggable_total: 300,
  gap: 200 / 3 + 200 / 3 + 200 / 3,
  gap_percentage: 66.666666,
  breakdown: { "ec2:instance": group(100 / 3 + 100 / 3), "rds:db": group(200 / 3 + 200 / 3 - 100 / 3) },
  cost_sources: {} as AttributionGap["cost_sources"],
  note: null,
  ...over,
});

// Owner on i-1 ($100/3) and i-2 ($100/3); Environment on i-1 only (counted once per resource per tag).
const violations = [
  violation({ resource_id: "i-1", tag_name: "Owner", cost_impact_monthly: 100 / 3 }),
  violation({
    resource_id: "i-1",
    tag_name: "Owner",
    violation_type: "invalid_value",
    cost_impact_monthly: 100 / 3,
  }),
  violation({ resource_id: "i-2", tag_name: "Owner", cost_impact_monthly: 100 / 3 }),
  violation({ resource_id: "i-1", tag_name: "Environment", cost_impact_monthly: 100 / 3 }),
  violation({ resource_id: "i-3", tag_name: "CostCenter", cost_impact_monthly: 0 }),
];

describe("gapSummary", () => {
  it("ranks the spend of each tag's violating resources in cents, as the report's ranking by cost does", () => {
    const summary = gapSummary(violations, gap());
    expect(summary?.by_tag).toEqual([
      { tag_name: "Owner", cost_impact_monthly: 66.67 },
      { tag_name: "Environment", cost_impact_monthly: 33.33 },
    ]);
    const { report } = buildComplianceReport({
      compliance: { score: 0, total: 3, compliant: 0, violations },
      gap: { total: 300, attributable: 100, gap: 200, gap_percentage: 66.67 },
      format: "json",
    });
    // The same figures as the report (which also lists the $0 tag; the chart leaves it out).
    expect(
      report.top_violations_by_cost
        ?.filter((r) => r.cost_impact_monthly > 0)
        .map((r) => r.cost_impact_monthly),
    ).toEqual(summary?.by_tag.map((r) => r.cost_impact_monthly));
  });

  it("keeps the gap per resource type and the totals in whole cents", () => {
    const summary = gapSummary(violations, gap());
    expect(summary).toMatchObject({
      currency: "USD",
      period: { start: "2026-11-01", end: "2026-12-01" },
      taggable_total: 300,
      gap: 200,
      gap_percentage: 66.67,
      by_resource_type: { "ec2:instance": 66.67, "rds:db": 100 },
    });
  });

  it("has no per-type figures when the gap was grouped by something else, and is null without spend", () => {
    expect(gapSummary(violations, gap({ group_by: "service" }))?.by_resource_type).toBeNull();
    expect(gapSummary(violations, null)).toBeNull();
  });
});
