// The scanning tools' verbs (1–5, 7, 12, 13, 15), called through callTool with no transport, against
// the hand-computed world (packages/testkit/src/worlds/hand-computed.ts): each tenant gets its own
// account's numbers, and a tenant's results never name the other's account.
import { ACME_ACCOUNT as ACME, GLOBEX_ACCOUNT as GLOBEX } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { detectTagDrift } from "../../src/tools/detect-tag-drift";
import { exportForAutomation } from "../../src/tools/export-for-automation";
import { exportViolationsCsv } from "../../src/tools/export-violations-csv";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { generateComplianceReport } from "../../src/tools/generate-compliance-report";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { suggestTags } from "../../src/tools/suggest-tags";
import { validateResourceTags } from "../../src/tools/validate-resource-tags";
import { failed, ok, useToolsHarness } from "./harness";

const instance = (id: string, region = "us-east-1", account = ACME) =>
  `arn:aws:ec2:${region}:${account}:instance/${id}`;

describe("the scanning tools' verbs", () => {
  const harness = useToolsHarness("postgres");

  it("1 check_tag_compliance scores each tenant against its own policy", async () => {
    const h = harness();
    const acme = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    expect(acme).toMatchObject({
      compliance_score: 0.4,
      total_resources: 5,
      compliant_resources: 2,
      violations_total: 7,
    });
    expect(acme.cost_attribution_gap).toMatchObject({ gap: 220, gap_percentage: 59.46 });
    const globex = ok(await h.call(h.globex, checkTagCompliance, { resource_types: "ec2:instance" }));
    expect(globex).toMatchObject({ compliance_score: 0.5, total_resources: 2, violations_total: 1 });
    expect(JSON.stringify(globex)).not.toContain(ACME);
    expect(JSON.stringify(acme)).not.toContain(GLOBEX);
  });

  it("2 find_untagged_resources lists resources missing a required tag, with costs on request", async () => {
    const h = harness();
    const found = ok(
      await h.call(h.acme, findUntaggedResources, { resource_types: ["all"], include_costs: true }),
    );
    expect(found.total_untagged).toBe(3);
    expect(found.resources.map((r) => r.resource_id).sort()).toEqual([
      "acme-fn",
      "i-0a00000000000002",
      "i-0a00000000000003",
    ]);
    expect(
      ok(await h.call(h.globex, findUntaggedResources, { resource_types: ["all"] })).total_untagged,
    ).toBe(0);
  });

  it("3 validate_resource_tags reports found, non-compliant and unknown resources; refuses another tenant's ARN", async () => {
    const h = harness();
    const result = ok(
      await h.call(h.acme, validateResourceTags, {
        resource_arns: [instance("i-0a00000000000001"), instance("i-0a0000000000dead")],
      }),
    );
    expect(result.summary).toEqual({
      total: 2,
      compliant: 1,
      non_compliant: 0,
      not_found: 1,
      excluded: 0,
      not_taggable: 0,
    });
    const refused = failed(
      await h.call(h.globex, validateResourceTags, { resource_arns: [instance("i-0a00000000000001")] }),
    );
    expect(refused).toMatchObject({ code: "INVALID_REQUEST" });
    expect(refused.message).toBe(
      "resource_arns[0]: belongs to AWS account 222222222222, which is not connected to this client",
    );
  });

  it("4 get_cost_attribution_gap computes the gap from each tenant's own spend", async () => {
    const h = harness();
    const acme = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["all"] }));
    expect(acme).toMatchObject({
      total_spend: 400,
      attributable_spend: 150,
      taggable_spend: 370,
      attribution_gap: 220,
    });
    const globex = ok(
      await h.call(h.globex, getCostAttributionGap, { resource_types: ["all"], group_by: "service" }),
    );
    expect(globex).toMatchObject({
      total_spend: 110,
      attribution_gap: 50,
      attribution_gap_percentage: 45.45,
    });
    const tooLong = failed(
      await h.call(h.acme, getCostAttributionGap, {
        resource_types: ["all"],
        time_period: { Start: "2025-01-01", End: "2026-06-01" },
      }),
    );
    expect(tooLong.message).toBe("time_period: may span at most 365 days");
  });

  it("5 suggest_tags proposes values from similar resources; an unknown resource is NOT_FOUND", async () => {
    const h = harness();
    const suggested = ok(await h.call(h.acme, suggestTags, { resource_arn: instance("i-0a00000000000002") }));
    expect(suggested.suggestions).toEqual([
      expect.objectContaining({ tag: "Application", value: "shop", confidence: 0.14 }),
    ]);
    const unknown = failed(
      await h.call(h.globex, suggestTags, {
        resource_arn: instance("i-0b0000000000dead", "us-east-1", GLOBEX),
      }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
  });

  it("7 generate_compliance_report renders the same numbers, and refuses an unknown format before scanning", async () => {
    const h = harness();
    const report = ok(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["all"], format: "MARKDOWN" }),
    );
    expect(report.format).toBe("markdown");
    expect(report.content).toContain("| Compliance score | 40% |");
    const calls = h.sandbox.counters().total;
    const wrong = failed(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["all"], format: "pdf" }),
    );
    expect(wrong.message).toBe("format: must be json, csv, markdown or html");
    expect(h.sandbox.counters().total).toBe(calls);
  });

  it("12 detect_tag_drift establishes a baseline on the first run, per tenant", async () => {
    const h = harness();
    const first = ok(await h.call(h.globex, detectTagDrift, { resource_types: ["ec2:instance"] }));
    expect(first.baseline_established).toBe(true);
    expect(first.message).toContain("for 2 resources");
    const unknownKey = failed(
      await h.call(h.globex, detectTagDrift, { resource_types: ["all"], tag_keys: ["Nope"] }),
    );
    expect(unknownKey.message).toMatch(/^tag_keys: Nope is not a tag of the policy/);
  });

  it("13 export_violations_csv and 15 export_for_automation export the tenant's own violations", async () => {
    const h = harness();
    const csv = ok(
      await h.call(h.globex, exportViolationsCsv, {
        resource_types: ["all"],
        columns: ["resource_arn", "current_value"],
      }),
    );
    expect(csv.csv.trim().split(/\r?\n/)).toEqual([
      "resource_arn,current_value",
      `${instance("i-0b00000000000002", "us-east-1", GLOBEX)},Marketing`,
    ]);
    const ansible = ok(
      await h.call(h.globex, exportForAutomation, { target_platform: "ansible", format: "yaml" }),
    );
    expect(ansible.content).toContain("i-0b00000000000002");
    expect(ansible.content).not.toContain(ACME);
  });
});
