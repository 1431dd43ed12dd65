// Issue 11 policy options through the tools, two tenants: Acme's policy matches keys case-
// insensitively, aliases "prod" to "production" and excludes its acme-* buckets; Globex keeps its
// own policy. Each tenant's check and validation show only its own resources and its own options.
import { acmeAccount, globexAccount, sandboxSeed } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { putPolicy } from "../../src/policy/put";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { validateResourceTags } from "../../src/tools/validate-resource-tags";
import { ok, useToolsHarness } from "./harness";

const ACME_POLICY = {
  version: "1",
  key_matching: "case_insensitive",
  exclusions: [{ arn_pattern: "arn:aws:s3:::acme-*" }],
  required_tags: [
    {
      name: "Environment",
      description: "",
      allowed_values: ["production", "staging", "development", "test"],
      value_aliases: { production: ["prod"] },
    },
  ],
  optional_tags: [],
};

// The hand-computed Acme plus one instance whose key is written in lower case.
const seed = () => {
  const acme = acmeAccount();
  return sandboxSeed([
    acmeAccount({
      resources: [
        ...(acme.resources ?? []),
        {
          type: "ec2:instance",
          region: "us-east-1",
          id: "i-0a00000000000005",
          state: "running",
          tags: { environment: "production" },
        },
      ],
    }),
    globexAccount(),
  ]);
};

describe("policy options in check_tag_compliance and validate_resource_tags", () => {
  const harness = useToolsHarness("pglite", { seed });

  it("applies each tenant's own options and never shows the other's resources", async () => {
    const h = harness();
    await putPolicy({ ctx: await h.ctx(h.acme), input: { document: ACME_POLICY } });
    const acme = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    // In scope: i-a1 (compliant), i-a2 "prod" (alias, advisory: compliant), i-a3 and acme-fn
    // (missing), i-a5 (key_case_mismatch); acme-logs excluded; i-a4 terminated.
    expect(acme).toMatchObject({
      total_resources: 5,
      compliant_resources: 2,
      excluded: 1,
      compliance_score: 0.4,
    });
    const kinds = acme.violations.map((v) => [v.resource_arn.split(/[/:]/).pop(), v.tag_name]);
    expect(kinds).toHaveLength(4);
    expect(JSON.stringify(acme.violations)).toContain('"violation_type":"key_case_mismatch"');
    expect(JSON.stringify(acme.violations)).toContain("use `production` instead of `prod`");
    expect(JSON.stringify(acme.violations)).not.toContain("acme-logs");
    // 30-day spend: i-a1 100 (named web-1), i-a3 and i-a5 100 each (the unnamed 200 over the running
    // instances), i-a2 stopped 0, acme-fn 20; compliant i-a1 + i-a2 = 100 of 320.
    expect(acme.cost_weighted_compliance).toBe(0.3125);
    expect(acme.cost_weighted_reason).toBeNull();

    const globex = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"] }));
    // Globex: 200 of EC2 over its two running instances, half on the compliant one.
    expect(globex).toMatchObject({
      total_resources: 2,
      compliant_resources: 1,
      excluded: 0,
      cost_weighted_compliance: 0.5,
    });
    expect(globex.violations.map((v) => v.resource_arn)).toEqual([
      "arn:aws:ec2:us-east-1:333333333333:instance/i-0b00000000000002",
    ]);
    expect(JSON.stringify(globex)).not.toContain("222222222222");
  });

  it("reports an excluded resource as excluded and an alias as compliant in validation", async () => {
    const h = harness();
    await putPolicy({ ctx: await h.ctx(h.acme), input: { document: ACME_POLICY } });
    const result = ok(
      await h.call(h.acme, validateResourceTags, {
        resource_arns: [
          "arn:aws:s3:::acme-logs",
          "arn:aws:ec2:us-east-1:222222222222:instance/i-0a00000000000002",
          "arn:aws:ec2:us-east-1:222222222222:instance/i-0a00000000000005",
        ],
      }),
    );
    expect(result.summary).toEqual({
      total: 3,
      compliant: 1,
      non_compliant: 1,
      not_found: 0,
      excluded: 1,
      not_taggable: 0,
    });
    expect(result.results.map((r) => r.status)).toEqual(["excluded", "found", "found"]);
    // Globex's policy has none of Acme's options: its own instance is judged by CostCenter only.
    const globex = ok(
      await h.call(h.globex, validateResourceTags, {
        resource_arns: ["arn:aws:ec2:us-east-1:333333333333:instance/i-0b00000000000002"],
      }),
    );
    expect(globex.summary).toEqual({
      total: 1,
      compliant: 0,
      non_compliant: 1,
      not_found: 0,
      excluded: 0,
      not_taggable: 0,
    });
  });
});
