// Issue 11: money is rendered in whole cents everywhere, and a report whose violations cost nothing
// does not pretend to rank them by cost.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { findUntaggedResources } from "../../src/compliance/untagged";
import { validateResource } from "../../src/compliance/validate";
import { exportViolationsCsv } from "../../src/export/violations-csv";
import type { Resource } from "../../src/model";
import { buildComplianceReport } from "../../src/report/build";
import { formatCents, formatUsd, roundCents } from "../../src/report/money";
import { REPORT_CSV_COLUMNS } from "../../src/report/render-csv";
import type { ReportGapInput } from "../../src/report/types";
import { violation } from "./violations";

// 5.1 + 5.1 + 5.2 is 15.399999999999999 in floating point: the amount the issue saw in a CSV.
const FLOATY = [
  violation({ resource_id: "a", cost_impact_monthly: 5.1 }),
  violation({ resource_id: "b", cost_impact_monthly: 5.1 }),
  violation({ resource_id: "c", cost_impact_monthly: 5.2 }),
];
const FLOATY_GAP: ReportGapInput = {
  total: 0.1 + 0.2 + 15.1,
  attributable: 0.1 + 0.2,
  gap: 15.1 + 0.3000000000000001,
  gap_percentage: 98.05194805194805,
};
const compliance = { score: 0.25, total: 4, compliant: 1, violations: FLOATY };

describe("money helpers", () => {
  it.each([
    [15.399999999999999, 15.4, "15.40", "$15.40"],
    [1.005, 1.01, "1.01", "$1.01"],
    [0, 0, "0.00", "$0.00"],
    [1234.5, 1234.5, "1234.50", "$1,234.50"],
    [-2.675, -2.68, "-2.68", "-$2.68"],
  ])("%d rounds to %d cents (%s, %s)", (amount, rounded, cents, usd) => {
    expect(roundCents(amount)).toBe(rounded);
    expect(formatCents(amount)).toBe(cents);
    expect(formatUsd(amount)).toBe(usd);
  });
});

describe("rendered amounts are in cents", () => {
  it("report CSV writes tag costs and summary amounts with two decimals", () => {
    const { content } = buildComplianceReport({ compliance, gap: FLOATY_GAP, format: "csv" });
    expect(content).not.toContain("15.399999999999999");
    const rows: Record<string, string>[] = parse(content, { columns: true });
    expect(rows.find((r) => r.section === "top_by_cost")?.cost_impact_monthly).toBe("15.40");
    expect(rows.find((r) => r.section === "top_by_count")?.cost_impact_monthly).toBe("15.40");
    const summary = (name: string) => rows.find((r) => r.section === "summary" && r.name === name)?.value;
    expect(summary("cost_total")).toBe("15.40");
    expect(summary("cost_attributable")).toBe("0.30");
    expect(summary("cost_gap")).toBe("15.40");
    expect(summary("cost_gap_percentage")).toBe("98.05");
  });

  it("report JSON carries amounts rounded to cents", () => {
    const { report, content } = buildComplianceReport({ compliance, gap: FLOATY_GAP, format: "json" });
    expect(report.top_violations_by_cost?.[0]?.cost_impact_monthly).toBe(15.4);
    expect(report.summary).toMatchObject({
      cost_total: 15.4,
      cost_attributable: 0.3,
      cost_gap: 15.4,
      cost_gap_percentage: 98.05,
    });
    expect(content).not.toMatch(/\d\.\d{3,}/);
  });

  it("report Markdown shows dollars and cents", () => {
    const { content } = buildComplianceReport({ compliance, gap: FLOATY_GAP, format: "markdown" });
    expect(content).toContain("| 1 | Environment | 3 | 3 | 0 | 0 | 3 | $15.40 |");
    expect(content).toContain("| Attribution gap | $15.40 (98.05%) |");
    expect(content).not.toMatch(/\d\.\d{3,}/);
  });

  it("violations CSV writes each cost with two decimals", () => {
    const { csv } = exportViolationsCsv({
      violations: [violation({ resource_id: "z", cost_impact_monthly: 5.1 + 5.1 + 5.2 })],
      columns: ["resource_id", "cost_impact_monthly"],
    });
    expect(csv).toBe("resource_id,cost_impact_monthly\r\nz,15.40\r\n");
  });
});

describe("a report whose violations all cost $0", () => {
  const free = [
    violation({ resource_id: "a" }),
    violation({ resource_id: "b", tag_name: "Owner", allowed_values: null }),
  ];
  const zeroGap: ReportGapInput = { total: 0, attributable: 0, gap: 0, gap_percentage: 0 };
  const build = (format: "json" | "csv" | "markdown") =>
    buildComplianceReport({
      compliance: { score: 0.5, total: 4, compliant: 2, violations: free },
      gap: zeroGap,
      format,
    });

  it("JSON has no by-cost ranking and a note saying why", () => {
    const { report } = build("json");
    expect(report.top_violations_by_cost).toBeNull();
    expect(report.cost_note).toBe(
      "No cost columns or ranking by cost: every violating resource has $0 of reported monthly spend.",
    );
    expect(report.top_violations_by_count.map((row) => row.tag_name)).toEqual(["Environment", "Owner"]);
  });

  it("Markdown has no cost column and no by-cost section, and says why in one line", () => {
    const { content } = build("markdown");
    expect(content).not.toContain("Monthly cost");
    expect(content).not.toContain("## Top violations by cost");
    expect(content).toContain(
      "| # | Tag | Violations | Missing | Invalid value | Invalid format | Resources |\n|---|---|---|---|---|---|---|\n| 1 | Environment | 1 | 1 | 0 | 0 | 1 |",
    );
    expect(content).toContain(
      "\n_No cost columns or ranking by cost: every violating resource has $0 of reported monthly spend._\n",
    );
  });

  it("CSV has no cost column and no top_by_cost rows, and carries the note", () => {
    const { content } = build("csv");
    expect(content.split("\r\n")[0]).toBe(
      REPORT_CSV_COLUMNS.filter((column) => column !== "cost_impact_monthly").join(","),
    );
    const rows: Record<string, string>[] = parse(content, { columns: true });
    expect(rows.some((r) => r.section === "top_by_cost")).toBe(false);
    expect(rows.find((r) => r.section === "note")?.value).toContain("$0 of reported monthly spend");
  });

  it("keeps the cost columns as soon as one violation costs a cent", () => {
    const { report, content } = buildComplianceReport({
      compliance: {
        score: 0.5,
        total: 4,
        compliant: 2,
        violations: [...free, violation({ resource_id: "c", cost_impact_monthly: 0.01 })],
      },
      gap: zeroGap,
      format: "markdown",
    });
    expect(report.cost_note).toBeNull();
    expect(report.top_violations_by_cost?.[0]?.cost_impact_monthly).toBe(0.01);
    expect(content).toContain("## Top violations by cost");
    expect(content).toContain("Monthly cost");
  });
});

describe("per-resource amounts are in cents where they are made", () => {
  const resource: Resource = {
    arn: "arn:aws:ec2:us-east-1:111111111111:instance/i-1",
    id: "i-1",
    type: "ec2:instance",
    region: "us-east-1",
    account_id: "111111111111",
    tags: {},
  };
  // A service's remainder shared by three resources: 100 / 3 is 33.333333333333336.
  const costs = new Map([[resource.arn, { amount: 100 / 3, source: "estimated" as const }]]);
  const policy = { version: "1", required_tags: [{ name: "Owner", description: "" }], optional_tags: [] };

  it("a violation's cost_impact_monthly", () => {
    expect(validateResource(resource, policy, costs)[0]?.cost_impact_monthly).toBe(33.33);
  });

  it("an untagged resource's monthly_cost_estimate, and the total of the listed ones", () => {
    const result = findUntaggedResources({
      policy,
      resources: [resource],
      resourceTypes: ["ec2:instance"],
      now: new Date("2026-01-01T00:00:00Z"),
      costs,
    });
    expect(result.resources[0]?.monthly_cost_estimate).toBe(33.33);
    expect(result.total_monthly_cost).toBe(33.33);
  });
});
