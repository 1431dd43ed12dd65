import { readFileSync } from "node:fs";
import {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { describe, expect, it } from "vitest";
import { generateAccount, parseSeed, SeedError, startSandbox } from "../src";
import { isActionAllowed } from "../src/iam/evaluate";
import { assume, baseSeed, clientConfig, EXTERNAL_ID, scannerRole } from "./fixtures";

describe("seed validation", () => {
  it("accepts the committed demo seed", () => {
    const demo = parseSeed(JSON.parse(readFileSync(new URL("../seeds/demo.json", import.meta.url), "utf8")));
    expect(demo.accounts.map((a) => a.account_id)).toEqual(["222222222222", "333333333333"]);
    expect(demo.accounts[0]?.organization?.tag_policies).toHaveLength(1);
    // Each customer has an admin who can launch the role stack (and nothing else is granted).
    const admins = demo.principals.filter((p) => p.policy);
    expect(admins.map((p) => [p.account_id, p.access_key_id])).toEqual([
      ["222222222222", "AKIAACMEADMIN0000001"],
      ["333333333333", "AKIAGLOBEXADMIN00001"],
    ]);
    expect(admins.every((p) => isActionAllowed(p.policy!, "cloudformation:CreateStack"))).toBe(true);
    expect(admins.some((p) => isActionAllowed(p.policy!, "s3:PutObject"))).toBe(false);
  });

  it("names the offending entry", () => {
    const seed = baseSeed();
    (seed.accounts![0]!.resources![1] as { region: string }).region = "mars-1";
    (seed.accounts![1] as { account_id: string }).account_id = "12";
    expect(() => parseSeed(seed)).toThrow(SeedError);
    try {
      parseSeed(seed);
    } catch (error) {
      expect((error as Error).message).toContain("accounts.0.resources.1.region: must look like us-east-1");
      expect((error as Error).message).toContain("accounts.1.account_id: must be 12 digits");
    }
  });
});

describe("generateAccount", () => {
  it("is deterministic and spreads resources over the requested regions", () => {
    const a = generateAccount({ accountId: "555555555555", resources: 50_000, regions: 17, seed: 1 });
    const b = generateAccount({ accountId: "555555555555", resources: 50_000, regions: 17, seed: 1 });
    expect(a).toEqual(b);
    expect(a.resources).toHaveLength(50_000);
    expect(new Set(a.resources?.map((r) => r.region)).size).toBe(17);
    const untagged = a.resources!.filter((r) => Object.keys(r.tags ?? {}).length === 0).length;
    expect(untagged / 50_000).toBeGreaterThan(0.08);
    expect(untagged / 50_000).toBeLessThan(0.12);
    expect(a.costs!.some((c) => c.service === "Tax")).toBe(true);
  });

  it("bills each type under the service AWS uses, with a usage type, and seeds cost-allocation tags", () => {
    const account = generateAccount({ accountId: "444444444444", resources: 2_000, regions: 4, seed: 3 });
    const costs = account.costs ?? [];
    expect(costs.every((c) => c.usage_type)).toBe(true);
    const serviceOf = (pattern: RegExp) =>
      new Set(costs.filter((c) => pattern.test(c.usage_type ?? "")).map((c) => c.service));
    // EBS volumes, snapshots, public IPv4 and NAT gateways: "EC2 - Other", never the instances' service.
    for (const pattern of [
      /EBS:VolumeUsage/,
      /EBS:SnapshotUsage/,
      /PublicIPv4:/,
      /NatGateway-Hours/,
      /DataTransfer-/,
    ])
      expect(serviceOf(pattern)).toEqual(new Set(["EC2 - Other"]));
    expect(serviceOf(/BoxUsage:/)).toEqual(new Set(["Amazon Elastic Compute Cloud - Compute"]));
    // Region codes as AWS writes them: none in us-east-1, "USW2-" in us-west-2.
    expect(costs.some((c) => c.usage_type === "EBS:VolumeUsage.gp3")).toBe(true);
    expect(costs.some((c) => c.usage_type === "USW2-EBS:VolumeUsage.gp3")).toBe(true);
    expect(account.cost_allocation_tags?.find((t) => t.key === "Environment")?.status).toBe("Active");
    expect(account.cost_allocation_tags?.find((t) => t.key === "CostCenter")?.status).toBe("Inactive");
  });

  it("produces an account the Tagging API serves without its untagged resources", async () => {
    const account = generateAccount({
      accountId: "222222222222",
      resources: 2_000,
      regions: 1,
      seed: 3,
      roles: [scannerRole(EXTERNAL_ID)],
    });
    const sandbox = await startSandbox({ seed: baseSeed([account]) });
    try {
      const client = new ResourceGroupsTaggingAPIClient(clientConfig(sandbox, await assume(sandbox)));
      let seen = 0;
      for await (const page of paginateGetResources({ client }, {}))
        seen += page.ResourceTagMappingList?.length ?? 0;
      const tagged = account.resources!.filter((r) => Object.keys(r.tags ?? {}).length > 0).length;
      expect(seen).toBe(tagged);
      expect(seen).toBeLessThan(2_000);
    } finally {
      await sandbox.stop();
    }
  });
});
