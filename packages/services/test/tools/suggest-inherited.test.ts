// suggest_tags inheritance through the sandbox, two tenants: an EBS volume proposes its attached
// instance's tags and a snapshot its source volume's, read by the real SDK from DescribeVolumes
// attachments and DescribeSnapshots' VolumeId. Globex's volume names an instance id that exists only
// in Acme's account: it must inherit nothing.
import { acmeAccount, GLOBEX_POLICY, globexAccount, sandboxSeed } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { putPolicy } from "../../src/policy/put";
import { suggestTags } from "../../src/tools/suggest-tags";
import { ok, useToolsHarness } from "./harness";

const seed = () => {
  const acme = acmeAccount();
  const globex = globexAccount();
  return sandboxSeed([
    acmeAccount({
      resources: [
        ...(acme.resources ?? []),
        // Attached to i-a1 (Owner a@acme.io, Environment production, Application shop).
        {
          type: "ec2:volume",
          region: "us-east-1",
          id: "vol-0a00000000000001",
          tags: { Application: "shop-data" },
          attributes: { InstanceId: "i-0a00000000000001" },
        },
        {
          type: "ec2:snapshot",
          region: "us-east-1",
          id: "snap-0a00000000000001",
          tags: {},
          attributes: { VolumeId: "vol-0a00000000000001" },
        },
      ],
    }),
    {
      ...globex,
      resources: [
        ...(globex.resources ?? []),
        {
          type: "ec2:volume",
          region: "us-east-1",
          id: "vol-0b00000000000001",
          tags: {},
          attributes: { InstanceId: "i-0b00000000000001" },
        },
        // Names Acme's instance: another tenant's tags must never be proposed.
        {
          type: "ec2:volume",
          region: "us-east-1",
          id: "vol-0b00000000000002",
          tags: {},
          attributes: { InstanceId: "i-0a00000000000001" },
        },
      ],
    },
  ]);
};

const GLOBEX_WITH_VOLUMES = {
  ...GLOBEX_POLICY,
  required_tags: GLOBEX_POLICY.required_tags.map((tag) => ({
    ...tag,
    applies_to: ["ec2:instance", "ec2:volume"],
  })),
};

describe("suggest_tags inheritance", () => {
  const harness = useToolsHarness("pglite", { seed });

  it("proposes the attached instance's tags for a volume and the volume's for a snapshot", async () => {
    const h = harness();
    const volume = ok(
      await h.call(h.acme, suggestTags, {
        resource_arn: "arn:aws:ec2:us-east-1:222222222222:volume/vol-0a00000000000001",
      }),
    );
    expect(volume.suggestions).toEqual([
      expect.objectContaining({
        tag: "Owner",
        value: "a@acme.io",
        strategy: "inherited",
        reasoning: "inherited from i-0a00000000000001",
      }),
      expect.objectContaining({ tag: "Environment", value: "production", strategy: "inherited" }),
    ]);
    const snapshot = ok(
      await h.call(h.acme, suggestTags, {
        resource_arn: "arn:aws:ec2:us-east-1::snapshot/snap-0a00000000000001",
      }),
    );
    expect(snapshot.suggestions.map((s) => [s.tag, s.value, "reasoning" in s ? s.reasoning : null])).toEqual([
      ["Owner", "a@acme.io", "inherited from i-0a00000000000001 (through vol-0a00000000000001)"],
      ["Environment", "production", "inherited from i-0a00000000000001 (through vol-0a00000000000001)"],
      ["Application", "shop-data", "inherited from vol-0a00000000000001"],
    ]);
  });

  it("inherits only from the tenant's own instances", async () => {
    const h = harness();
    await putPolicy({ ctx: await h.ctx(h.globex), input: { document: GLOBEX_WITH_VOLUMES } });
    const own = ok(
      await h.call(h.globex, suggestTags, {
        resource_arn: "arn:aws:ec2:us-east-1:333333333333:volume/vol-0b00000000000001",
      }),
    );
    expect(own.suggestions).toEqual([
      expect.objectContaining({ tag: "CostCenter", value: "Engineering", strategy: "inherited" }),
    ]);
    const foreign = ok(
      await h.call(h.globex, suggestTags, {
        resource_arn: "arn:aws:ec2:us-east-1:333333333333:volume/vol-0b00000000000002",
      }),
    );
    expect(JSON.stringify(foreign)).not.toContain("i-0a00000000000001");
    expect(foreign.suggestions.map((s) => ("strategy" in s ? s.strategy : null))).not.toContain("inherited");
  });
});
