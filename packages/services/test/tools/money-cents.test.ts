// Every money amount the tools return, structured and in their summaries, is whole cents, with the
// currency code beside it. Acme's spend is seeded to split into fractions of a cent (Tax of 0.07
// over a window that sees half of it; EC2 spend of 100.01 shared by the running instances), so the
// rounding is exercised, not assumed. Sums are exact before they are rounded. Two tenants: globex's
// outputs never carry acme's account.
import { CURRENCY, formatUsd, roundCents } from "@tagc/core";
import { ACME_ACCOUNT as ACME, acmeAccount, globexAccount, sandboxSeed } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { generateComplianceReport } from "../../src/tools/generate-compliance-report";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { ok, useToolsHarness } from "./harness";

// The hand-computed world's 60 days of spend: the tools' default 30-day window sees exactly half.
const SPAN = { start: "2026-09-15", end: "2026-11-14" };

const MONEY_KEYS = new Set([
  "total_spend",
  "attributable_spend",
  "unattributable_by_nature",
  "taggable_spend",
  "attribution_gap",
  "attributable",
  "gap",
  "amount",
  "cost_impact_monthly",
  "monthly_cost_estimate",
  "total_monthly_cost",
  "cost_total",
  "cost_attributable",
  "cost_gap",
]);

/** Every money amount in a tool output, by path (values of spend records included). */
function amountsIn(value: unknown, path = "$", found: [string, number][] = []): [string, number][] {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) amountsIn(item, `${path}[${i}]`, found);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (typeof child === "number" && MONEY_KEYS.has(key)) found.push([at, child]);
      else if (key === "unattributable_services" || (key === "breakdown" && path === "$"))
        for (const [name, amount] of Object.entries(child as object))
          if (typeof amount === "number") found.push([`${at}.${name}`, amount]);
          else amountsIn(amount, `${at}.${name}`, found);
      else amountsIn(child, at, found);
    }
  }
  return found;
}

function expectCents(output: unknown) {
  const amounts = amountsIn(output);
  expect(amounts.length).toBeGreaterThan(0);
  const uneven = amounts.filter(([, amount]) => roundCents(amount) !== amount);
  expect(uneven).toEqual([]);
  return new Map(amounts);
}

describe("money in cents, with the currency code, through the tools", () => {
  const harness = useToolsHarness("postgres", {
    seed: () => {
      const base = acmeAccount();
      const acme = {
        ...base,
        costs: [
          ...(base.costs ?? []),
          { ...SPAN, service: "Tax", amount: 0.07 },
          { ...SPAN, service: "Amazon Elastic Compute Cloud - Compute", amount: 100.01 },
        ],
      };
      return sandboxSeed([acme, globexAccount()]);
    },
  });

  it("get_cost_attribution_gap: every amount, spend record and tally is cents; half a cent rounds up", async () => {
    const h = harness();
    for (const group_by of ["resource_type", "service"] as const) {
      const outcome = await h.call(h.acme, getCostAttributionGap, { resource_types: ["all"], group_by });
      const result = ok(outcome);
      const amounts = expectCents(result);
      expect(result.currency).toBe(CURRENCY);
      // Tax: 30 + 0.035 in the window, exact until shown, then rounded half away from zero.
      expect(result.unattributable_services.Tax).toBe(30.04);
      expect(amounts.get("$.cost_sources.estimated.amount")).toEqual(expect.any(Number));
      expect(outcome.ok && outcome.summary).toContain(
        `Attribution gap ${formatUsd(result.attribution_gap)} (`,
      );
    }
  });

  it("check_tag_compliance: the violations' costs and the gap are cents, in the currency named", async () => {
    const h = harness();
    const result = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    expectCents(result);
    expect(result.currency).toBe(CURRENCY);
    expect(result.cost_attribution_gap?.currency).toBe(CURRENCY);
    // The shared EC2 spend lands on violating instances as fractions of a cent before rounding.
    const costs = result.violations.map((v) => v.cost_impact_monthly);
    expect(costs.some((cost) => !Number.isInteger(cost))).toBe(true);
  });

  it("find_untagged_resources: estimates and their total are cents, the total is the exact sum rounded", async () => {
    const h = harness();
    const outcome = await h.call(h.acme, findUntaggedResources, {
      resource_types: ["all"],
      include_costs: true,
    });
    const result = ok(outcome);
    expectCents(result);
    expect(result.currency).toBe(CURRENCY);
    expect(result.total_monthly_cost).toEqual(expect.any(Number));
    const listed = result.resources.reduce((sum, r) => sum + (r.monthly_cost_estimate ?? 0), 0);
    // Each row is rounded on its own: their sum is within half a cent a row of the exact total.
    expect(Math.abs(listed - (result.total_monthly_cost ?? 0))).toBeLessThanOrEqual(
      result.resources.length * 0.005,
    );
    expect(outcome.ok && outcome.summary).toContain(
      `Their estimated monthly spend: ${formatUsd(result.total_monthly_cost ?? 0)}.`,
    );

    const without = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    expect(without.currency).toBeNull();
    expect(without.total_monthly_cost).toBeNull();
  });

  it("generate_compliance_report: the JSON summary names the currency, and the Markdown shows no sub-cent digits", async () => {
    const h = harness();
    const json = ok(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["all"], format: "json" }),
    );
    const report = JSON.parse(json.content) as { summary: { currency: string } };
    expectCents(report);
    expect(report.summary.currency).toBe(CURRENCY);
    const markdown = ok(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["all"], format: "markdown" }),
    );
    expect(markdown.content).toMatch(/\$[\d,]+\.\d{2}\b/);
    expect(markdown.content).not.toMatch(/\$[\d,]+\.\d{3,}/);
  });

  it("globex gets its own amounts, never acme's resources", async () => {
    const h = harness();
    const all = { resource_types: ["all"] };
    const gap = ok(await h.call(h.globex, getCostAttributionGap, all));
    const outputs = [
      ok(await h.call(h.globex, checkTagCompliance, all)),
      ok(await h.call(h.globex, findUntaggedResources, { ...all, include_costs: true })),
      gap,
    ];
    for (const result of outputs) {
      expectCents(result);
      expect(JSON.stringify(result)).not.toContain(ACME);
    }
    expect(gap.unattributable_services.Tax ?? 0).not.toBe(30.04);
  });
});
