// getLatestCostGap: the attribution gap stored with a tenant's latest snapshot, for the console's
// charts. The same figures as the report of the same scan; each tenant reads only its own.
import { ACME_ACCOUNT as ACME, GLOBEX_ACCOUNT as GLOBEX } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { getLatestCostGap } from "../../src/charts/cost-gap";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { generateComplianceReport } from "../../src/tools/generate-compliance-report";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { ok, useToolsHarness } from "../tools/harness";

describe("getLatestCostGap", () => {
  const harness = useToolsHarness("postgres");

  it("returns the gap stored with the tenant's own latest snapshot, as the report and the gap tool show it", async () => {
    const h = harness();
    const latest = async (tenant: typeof h.acme) => getLatestCostGap({ ctx: await h.ctx(tenant) });
    expect(await latest(h.acme)).toBeNull();

    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));
    // Globex has stored nothing: it sees no gap, not Acme's.
    expect(await latest(h.globex)).toBeNull();

    const gap = await latest(h.acme);
    const report = JSON.parse(
      ok(await h.call(h.acme, generateComplianceReport, { resource_types: ["all"] })).content,
    );
    expect(gap).toMatchObject({ account_id: ACME, currency: "USD", gap: report.summary.cost_gap });
    expect(gap?.gap_percentage).toBe(report.summary.cost_gap_percentage);
    expect(gap?.by_tag.length).toBeGreaterThan(0);
    expect(gap?.by_tag).toEqual(
      report.top_violations_by_cost
        .filter((row: { cost_impact_monthly: number }) => row.cost_impact_monthly > 0)
        .map((row: { tag_name: string; cost_impact_monthly: number }) => ({
          tag_name: row.tag_name,
          cost_impact_monthly: row.cost_impact_monthly,
        })),
    );
    const byType = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["all"] }));
    const expected = Object.fromEntries(
      Object.entries(byType.breakdown as Record<string, { gap: number }>).map(([type, g]) => [type, g.gap]),
    );
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(gap?.by_resource_type).toEqual(expected);

    ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));
    const other = await latest(h.globex);
    expect(other?.account_id).toBe(GLOBEX);
    expect(JSON.stringify(other)).not.toContain(ACME);
  });
});
