// Issue 11, through callTool: generate_custodian_policy skips a mistyped resource type with a typed
// warning (and says so in its summary) instead of refusing the whole generation, per tenant.
import { describe, expect, it } from "vitest";
import { generateCustodianPolicy } from "../../src/tools/generate-custodian-policy";
import { ok, useToolsHarness } from "./harness";

describe("generate_custodian_policy with an unknown resource type", () => {
  const harness = useToolsHarness("pglite");

  it("generates the known type, warns about the unknown one, and matches its output schema", async () => {
    const h = harness();
    const outcome = await h.call(h.globex, generateCustodianPolicy, {
      resource_types: ["ec2:instance", "ec2:instances"],
    });
    const result = ok(outcome);
    expect(result.policies.map((p) => p.resource_type)).toEqual(["ec2:instance", "ec2:instance"]);
    expect(result.warnings).toEqual([
      {
        code: "unknown_resource_type",
        resource_type: "ec2:instances",
        message: expect.stringContaining("ec2:instances is not a known resource type"),
      },
    ]);
    expect(generateCustodianPolicy.output.safeParse(result).success).toBe(true);
    expect(outcome.ok && outcome.summary).toMatch(
      /^2 Cloud Custodian policies generated\.\nSkipped: ec2:instances is not a known resource type/,
    );
    // Globex's policy holds only CostCenter; acme's tags never appear in globex's policies.
    expect(new Set(result.policies.flatMap((p) => p.tags))).toEqual(new Set(["CostCenter"]));
    const acme = ok(await h.call(h.acme, generateCustodianPolicy, { resource_types: ["ec2:instance"] }));
    expect(acme.warnings.filter((w) => w.resource_type !== null)).toEqual([]);
    expect(acme.combined_yaml).not.toBe(result.combined_yaml);
  });
});
