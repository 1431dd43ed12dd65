// Issue 11: money is rendered in whole cents everywhere, and a report whose violations cost nothing
// does not pretend to rank them by cost.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { findUntaggedResources } from "../../src/compliance/untagged";
import { validateResource } from "../../src/compliance/validate";
import { exportViolationsCsv } from "../../src/export/violations-csv";
import type { Resource } from "../../src/model";
import { buildComplianceReport } from "../../src/report/build";
import { CURRENCY, formatCents, formatMoney, formatUsd, roundCents, roundEach } from "../../src/report/money";
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
    // Half a cent rounds away from zero, on either side of it.
    [0.005, 0.01, "0.01", "$0.01"],
    [-0.005, -0.01, "-0.01", "-$0.01"],
    [0.015, 0.02, "0.02", "$0.02"],
    [0.0049999, 0, "0.00", "$0.00"],
    // Under half a cent below zero is zero, never "-$0.00".
    [-0.004, 0, "0.00", "$0.00"],
    [-1e-7, 0, "0.00", "$0.00"],
    [0.1 + 0.2, 0.3, "0.30", "$0.30"],
    [100 / 3, 33.33, "33.33", "$33.33"],
    // Large amounts keep their cents: the nudge of a fixed epsilon would be lost at this size.
    [1_234_567.005, 1_234_567.01, "1234567.01", "$1,234,567.01"],
    [123_456_789_012.345, 123_456_789_012.35, "123456789012.35", "$123,456,789,012.35"],
    [-9_999_999.995, -10_000_000, "-10000000.00", "-$10,000,000.00"],
  ])("%d rounds to %d cents (%s, %s)", (amount, rounded, cents, usd) => {
    expect(Object.is(roundCents(amount), rounded)).toBe(true);
    expect(formatCents(amount)).toBe(cents);
    expect(formatUsd(amount)).toBe(usd);
    expect(formatMoney(amount, CURRENCY)).toBe(usd);
  });

  it("leaves amounts too large to carry cents as they are", () => {
    expect(roundCents(1e21)).toBe(1e21);
    expect(roundCents(-1e22)).toBe(-1e22);
  });

  it("formats in the currency given, US dollars by default", () => {
    expect(CURRENCY).toBe("USD");
    expect(formatMoney(1234.5)).toBe("$1,234.50");
    expect(formatMoney(1234.567, "EUR")).toBe("€1,234.57");
  });

  it("rounds each amount of a record", () => {
    expect(roundEach({ Tax: 0.1 + 0.2, "AWS Support (Business)": 100 / 3, empty: 0 })).toEqual({
      Tax: 0.3,
      "AWS Support (Business)": 33.33,
      empty: 0,
    });
  });
});

describe("sum before rounding, round at presentation", () => {
  // Three equal shares of $100: each shows $33.33, and their sum shows $100.00, not $99.99.
  const shares = [100 / 3, 100 / 3, 100 / 3];

  it("a tag's spend is the rounded exact sum of its resources' spend", () => {
    const violations = shares.map((amount, i) =>
      violation({ resource_id: `r${i}`, cost_impact_monthly: amount }),
    );
    const { report } = buildComplianceReport({
      compliance: { score: 0, total: 3, compliant: 0, violations },
      gap: { total: 100, attributable: 0, gap: 100, gap_percentage: 100 },
      format: "json",
    });
    expect(report.top_violations_by_cost?.[0]?.cost_impact_monthly).toBe(100);
    expect(report.summary.cost_gap).toBe(100);
    expect(report.summary.currency).toBe("USD");
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
    expect(summary("currency")).toBe("USD");
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

describe("per-resource amounts: exact where they are made, rounded where they are shown", () => {
  const resourceOf = (id: string): Resource => ({
    arn: `arn:aws:ec2:us-east-1:111111111111:instance/${id}`,
    id,
    type: "ec2:instance",
    region: "us-east-1",
    account_id: "111111111111",
    tags: {},
  });
  const resources = ["i-1", "i-2", "i-3"].map(resourceOf);
  // A service's $100 remainder shared by three resources: 100 / 3 is 33.333333333333336 each.
  const costs = new Map(resources.map((r) => [r.arn, { amount: 100 / 3, source: "estimated" as const }]));
  const policy = { version: "1", required_tags: [{ name: "Owner", description: "" }], optional_tags: [] };

  it("a violation keeps the exact amount, so a tag's spend sums to the cent", () => {
    const violations = resources.flatMap((r) => validateResource(r, policy, costs));
    expect(violations[0]?.cost_impact_monthly).toBe(100 / 3);
    const { report } = buildComplianceReport({
      compliance: { score: 0, total: 3, compliant: 0, violations },
      gap: { total: 100, attributable: 0, gap: 100, gap_percentage: 100 },
      format: "json",
    });
    expect(report.top_violations_by_cost?.[0]?.cost_impact_monthly).toBe(100);
  });

  it("an untagged resource's monthly_cost_estimate is cents, and the total is the exact sum rounded", () => {
    const result = findUntaggedResources({
      policy,
      resources,
      resourceTypes: ["ec2:instance"],
      now: new Date("2026-01-01T00:00:00Z"),
      costs,
    });
    expect(result.resources.map((r) => r.monthly_cost_estimate)).toEqual([33.33, 33.33, 33.33]);
    expect(result.total_monthly_cost).toBe(100);
  });

  it("a threshold compares the exact amount", () => {
    const result = findUntaggedResources({
      policy,
      resources,
      resourceTypes: ["ec2:instance"],
      now: new Date("2026-01-01T00:00:00Z"),
      costs,
      minCostThreshold: 33.334,
    });
    expect(result.resources).toEqual([]);
  });
});
