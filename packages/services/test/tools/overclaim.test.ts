// Answers that never overclaim (issue 11): a scan that read nothing has no score (null, never 1)
// and says why; a failed DescribeRegions falls back to a known region list and answers partial,
// naming the fallback. Two tenants throughout: the second never sees the first's regions or data.
import { ACME_ACCOUNT as ACME, GLOBEX_ACCOUNT as GLOBEX, HAND_COMPUTED_START } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { generateComplianceReport } from "../../src/tools/generate-compliance-report";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { getViolationHistory } from "../../src/tools/get-violation-history";
import { ok, useToolsHarness } from "./harness";

const REGIONS_DOWN = { failing_operations: ["ec2:DescribeRegions"] };

describe("answers that never overclaim", () => {
  const harness = useToolsHarness("postgres");

  it("read fine but none of the requested types: no score, with the reason, not 1", async () => {
    const h = harness();
    const acme = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["rds:db"] }));
    expect(acme).toMatchObject({ compliance_score: null, total_resources: 0 });
    expect(acme.score_reason).toMatch(/^No resources of the requested types were found/);
    expect(acme.data_quality.status).toBe("complete");
    // The other tenant's score is its own.
    const globex = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["ec2:instance"] }));
    expect(globex).toMatchObject({ compliance_score: 0.5, score_reason: null });
    expect(JSON.stringify(globex)).not.toContain(ACME);
  });

  it("every region failing: no score and 'every region failed', and the gap does not call it an empty estate", async () => {
    const h = harness();
    h.sandbox.setFaults({ failing_regions: ["us-east-1", "eu-west-1"] });
    const r = ok(
      await h.call(h.acme, checkTagCompliance, { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(r).toMatchObject({ compliance_score: null, total_resources: 0 });
    expect(r.data_quality.status).toBe("partial");
    expect(r.score_reason).toMatch(
      /^No resources could be read: every region failed \((eu-west-1|us-east-1): REGION_FAILED/,
    );
    const gap = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["ec2:instance"] }));
    expect(gap.note).toMatch(/^No resources could be read: every region failed/);
    // Globex (in us-east-1 too) is read once the fault clears, and sees only its own numbers.
    h.sandbox.setFaults({});
    const globex = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["ec2:instance"] }));
    expect(globex).toMatchObject({ compliance_score: 0.5, score_reason: null });
    expect(JSON.stringify(globex)).not.toContain(ACME);
  });

  it("a snapshot of a scan with no score stores null, and the history neither averages it nor trends on it", async () => {
    const h = harness();
    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["ec2:instance"], store_snapshot: true }));
    const stored = ok(
      await h.call(h.acme, checkTagCompliance, { resource_types: ["rds:db"], store_snapshot: true }),
    );
    expect(stored).toMatchObject({ compliance_score: null, stored_in_history: true });
    const history = ok(await h.call(h.acme, getViolationHistory, { kind: "ad_hoc" }));
    // Same day: the scored snapshot's mean alone (i-a1 of 3 instances compliant), the unscored one counted.
    expect(history.periods).toEqual([expect.objectContaining({ snapshot_count: 2, mean_score: 0.3333 })]);
    // The other tenant has no history of its own yet, and none of Acme's.
    const globex = ok(await h.call(h.globex, getViolationHistory, {}));
    expect(globex.periods).toEqual([]);
  });

  it("the gap's note tells no resources, $0 reported and all properly tagged apart", async () => {
    const h = harness();
    const none = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["rds:db"] }));
    expect(none).toMatchObject({ attribution_gap: 0 });
    expect(none.note).toMatch(/^No resources of the requested types were found/);
    expect(none.breakdown["rds:db"]?.note).toBe("no resources found");
    // A window before any seeded spend: the bucket is there, Cost Explorer reports $0.
    const zero = ok(
      await h.call(h.acme, getCostAttributionGap, {
        resource_types: ["s3:bucket"],
        time_period: { Start: "2026-01-01", End: "2026-02-01" },
      }),
    );
    expect(zero).toMatchObject({ total_spend: 0, attribution_gap: 0 });
    expect(zero.note).toMatch(
      /^1 resource was found but Cost Explorer reported \$0 .*free tier.*cost allocation tags/,
    );
    const tagged = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["s3:bucket"] }));
    expect(tagged).toMatchObject({ attributable_spend: 50, attribution_gap: 0 });
    expect(tagged.note).toBe("The 1 scanned resource is properly tagged: its spend is fully attributable.");
    // The other tenant's gap is its own real gap: no note, none of Acme's numbers.
    const globex = ok(await h.call(h.globex, getCostAttributionGap, { resource_types: ["ec2:instance"] }));
    expect(globex.note).toBeNull();
    expect(JSON.stringify(globex)).not.toContain(ACME);
    // The report's cost section carries the same note, and no score for nothing read.
    const report = ok(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["rds:db"], format: "markdown" }),
    );
    expect(report.summary).toMatchObject({ compliance_score: null, cost_note: none.note });
    expect(report.content).toContain(`> ${none.note}`);
    expect(report.score_reason).toMatch(/^No resources of the requested types were found/);
  });

  it("DescribeRegions failing: partial over the last successful discovery's regions, same numbers", async () => {
    const h = harness();
    // A successful discovery first, so this client and account have a last-known list.
    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    h.sandbox.setFaults(REGIONS_DOWN);
    // The fresh answer has expired (it is kept an hour); only the last-known list remains.
    await h.runtime.cacheFor(h.acme.id).del(`regions:${ACME}`);
    const r = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], force_refresh: true }));
    expect(r).toMatchObject({
      compliance_score: 0.4,
      total_resources: 5,
      regions: ["eu-west-1", "us-east-1"],
    });
    expect(r.data_quality.status).toBe("partial");
    const fallback = r.data_quality.issues.filter((i) => i.code === "REGIONS_FALLBACK");
    expect(fallback).toHaveLength(1);
    expect(fallback[0]?.message).toMatch(
      /^ec2:DescribeRegions failed \(.+\); scanned the regions of the last successful discovery: eu-west-1, us-east-1\.$/,
    );
    // find_untagged_resources answers the same way rather than with an internal error (a type not
    // scanned yet here: a fresh complete scan of the same regions would be served as is).
    const untagged = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["lambda:function"] }));
    expect(untagged.data_quality.issues.map((i) => i.code)).toContain("REGIONS_FALLBACK");
  });

  it("DescribeRegions failing with nothing known: AWS's default regions, never another tenant's list", async () => {
    const h = harness();
    h.sandbox.setFaults(REGIONS_DOWN);
    // Globex has no last-known list; Acme's (from the test before) must not be used for it.
    const cache = h.runtime.cacheFor(h.globex.id);
    await cache.del(`regions:${GLOBEX}`);
    await cache.del(`regions-last:${GLOBEX}`);
    const r = ok(
      await h.call(h.globex, checkTagCompliance, { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(r.data_quality.status).toBe("partial");
    const [fallback] = r.data_quality.issues.filter((i) => i.code === "REGIONS_FALLBACK");
    expect(fallback?.message).toMatch(
      /scanned AWS's default regions \(opt-in regions .+\): ap-northeast-1, .*us-west-2\.$/,
    );
    expect(r.regions).toContain("sa-east-1");
    // Globex's own resources are still found (us-east-1 is a default region), and nothing of Acme's.
    expect(r).toMatchObject({ compliance_score: 0.5, total_resources: 2 });
    expect(JSON.stringify(r)).not.toContain(ACME);
  });

  it("DescribeRegions failing with nothing known and regions requested: those regions", async () => {
    const h = harness();
    h.sandbox.setFaults(REGIONS_DOWN);
    const cache = h.runtime.cacheFor(h.globex.id);
    await cache.del(`regions:${GLOBEX}`);
    await cache.del(`regions-last:${GLOBEX}`);
    const r = ok(
      await h.call(h.globex, checkTagCompliance, {
        resource_types: ["ec2:instance"],
        filters: { regions: ["us-east-1"] },
        force_refresh: true,
      }),
    );
    expect(r.regions).toEqual(["us-east-1"]);
    const [fallback] = r.data_quality.issues.filter((i) => i.code === "REGIONS_FALLBACK");
    expect(fallback?.message).toMatch(
      /scanned the regions the request named \(not verified as enabled\): us-east-1\.$/,
    );
  });

  it("a client whose role is deleted gets compliance_score null and the reason, never 1; the other is untouched", async () => {
    const h = harness();
    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["ec2:instance"] }));
    h.sandbox.deleteRole(ACME, h.acme.roleName);
    const r = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["ec2:volume"] }));
    expect(r).toMatchObject({ compliance_score: null, total_resources: 0, violations_total: 0 });
    expect(r.score_reason).toMatch(
      new RegExp(`^No resources could be read: AssumeRole was denied in account ${ACME}\\.`),
    );
    expect(r.data_quality).toMatchObject({ status: "partial" });
    expect(r.data_quality.issues).toEqual([
      expect.objectContaining({
        code: "ACCESS_REVOKED",
        message: expect.stringMatching(/^Access revoked — re-deploy the stack\./),
      }),
    ]);
    // The report's summary carries no score either.
    const g = ok(await h.call(h.globex, generateComplianceReport, { resource_types: ["ec2:instance"] }));
    expect(g.score_reason).toBeNull();
    const globex = ok(
      await h.call(h.globex, checkTagCompliance, { resource_types: ["ec2:instance"], force_refresh: true }),
    );
    expect(globex).toMatchObject({ compliance_score: 0.5 });
    expect(JSON.stringify(globex)).not.toContain(ACME);
  });

  it("the report that finds a role deleted carries no score and the reason, and nothing of the other tenant", async () => {
    const h = harness();
    h.sandbox.deleteRole(GLOBEX, h.globex.roleName);
    // Past the scan's freshness window, so the report reads AWS instead of the scan cached above.
    h.clock.set(new Date(HAND_COMPUTED_START.getTime() + 10 * 60_000));
    const r = ok(
      await h.call(h.globex, generateComplianceReport, {
        resource_types: ["ec2:instance"],
        format: "markdown",
      }),
    );
    expect(r.summary).toMatchObject({ compliance_score: null, total_resources: 0 });
    expect(r.score_reason).toMatch(
      new RegExp(`^No resources could be read: AssumeRole was denied in account ${GLOBEX}\\.`),
    );
    expect(r.content).toContain("| Compliance score | no score (nothing was read) |");
    expect(r.data_quality.issues.map((i) => i.code)).toEqual(["ACCESS_REVOKED"]);
    expect(JSON.stringify(r)).not.toContain(ACME);
  });
});
