// Types AWS cannot tag (glue:table) through the tools: counted as not taggable with the reason, never
// a violation, outside the score and the untagged list, their spend unattributable by tags, and
// validate_resource_tags says the type cannot be tagged. Two tenants: globex never sees acme's.
import type { AccountSeedInput } from "@tagc/aws-sandbox";
import {
  ACME_ACCOUNT as ACME,
  acmeAccount,
  GLOBEX_ACCOUNT as GLOBEX,
  globexAccount,
  sandboxSeed,
} from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { generateComplianceReport } from "../../src/tools/generate-compliance-report";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { validateResourceTags } from "../../src/tools/validate-resource-tags";
import { failed, ok, useToolsHarness } from "./harness";

// 60 days of spend: the harness's default 30-day window sees exactly half.
const SPAN = { start: "2026-09-15", end: "2026-11-14" };
const ORDERS = `arn:aws:glue:us-east-1:${ACME}:table/acme_lake/orders`;
const ITEMS = `arn:aws:glue:us-east-1:${ACME}:table/acme_lake/items`;

function acme(): AccountSeedInput {
  const base = acmeAccount();
  return {
    ...base,
    resources: [
      ...(base.resources ?? []),
      { type: "glue:table", region: "us-east-1", id: "acme_lake/orders", tags: {} },
      { type: "glue:table", region: "us-east-1", id: "acme_lake/items", tags: {} },
    ],
    costs: [...(base.costs ?? []), { ...SPAN, service: "AWS Glue", amount: 60 }],
  };
}

describe("types AWS cannot tag, through the tools", () => {
  const harness = useToolsHarness("postgres", { seed: () => sandboxSeed([acme(), globexAccount()]) });

  it("check_tag_compliance counts them apart, never as violations or in the score, and says so", async () => {
    const h = harness();
    const all = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    const outcome = await h.call(h.acme, checkTagCompliance, { resource_types: ["glue:table"] });
    const tables = ok(outcome);
    expect(all.not_taggable).toEqual([
      { resource_type: "glue:table", count: 2, reason: expect.stringContaining("not Data Catalog tables") },
    ]);
    expect(all.violations.map((v) => v.resource_arn)).not.toContain(ORDERS);
    // Only tables requested: nothing could be judged, so no score (never 100%).
    expect(tables).toMatchObject({ compliance_score: null, total_resources: 0, violations_total: 0 });
    expect(tables.not_taggable).toEqual([expect.objectContaining({ resource_type: "glue:table", count: 2 })]);
    expect(outcome.ok && outcome.summary).toContain(
      "2 glue:table resources cannot carry tags in AWS: reported as not taggable, not as violations",
    );
    const theirs = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"] }));
    expect(theirs.not_taggable).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(ACME);
  });

  it("find_untagged_resources never lists them, and names them as not taggable", async () => {
    const h = harness();
    const found = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    expect(found.resources.map((r) => r.resource_arn)).not.toContain(ORDERS);
    expect(found.not_taggable).toEqual([expect.objectContaining({ resource_type: "glue:table", count: 2 })]);
    const theirs = ok(await h.call(h.globex, findUntaggedResources, { resource_types: ["all"] }));
    expect(theirs.not_taggable).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain(ACME);
  });

  it("the compliance report lists them in a Not taggable section", async () => {
    const h = harness();
    const report = ok(
      await h.call(h.acme, generateComplianceReport, { resource_types: ["all"], format: "markdown" }),
    );
    expect(report.content).toContain("## Not taggable");
    expect(report.content).toContain("| glue:table | 2 |");
    const theirs = ok(
      await h.call(h.globex, generateComplianceReport, { resource_types: ["all"], format: "markdown" }),
    );
    expect(theirs.content).not.toContain("Not taggable");
  });

  it("their service's spend is unattributable by tags, under its own line, outside the gap", async () => {
    const h = harness();
    const gap = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["glue:table"] }));
    // AWS Glue $30 in the window, all on the two tables: none of it is a tagging gap.
    expect(gap.unattributable_services).toMatchObject({ "AWS Glue (glue:table, not taggable)": 30 });
    expect(gap).toMatchObject({ taggable_spend: 0, attribution_gap: 0 });
    const theirs = ok(await h.call(h.globex, getCostAttributionGap, { resource_types: ["glue:table"] }));
    expect(JSON.stringify(theirs.unattributable_services)).not.toContain("not taggable");
  });

  it("validate_resource_tags answers that the type cannot be tagged, not a violation", async () => {
    const h = harness();
    const outcome = await h.call(h.acme, validateResourceTags, { resource_arns: [ORDERS, ITEMS] });
    const out = ok(outcome);
    expect(out.results).toEqual([
      expect.objectContaining({
        resource_arn: ORDERS,
        status: "not_taggable",
        compliant: null,
        violations: [],
      }),
      expect.objectContaining({
        resource_arn: ITEMS,
        status: "not_taggable",
        compliant: null,
        violations: [],
      }),
    ]);
    expect(out.summary).toMatchObject({ total: 2, compliant: 0, non_compliant: 0, not_taggable: 2 });
    expect(outcome.ok && outcome.summary).toContain("2 of a type AWS cannot tag (not a violation)");
    // Another tenant cannot even ask about acme's table.
    const error = failed(await h.call(h.globex, validateResourceTags, { resource_arns: [ORDERS] }));
    expect(error.message).toContain(ACME);
    expect(error.message).not.toContain(GLOBEX);
  });
});
