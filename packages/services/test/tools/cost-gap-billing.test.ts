// get_cost_attribution_gap with spend billed as AWS bills it: EBS volumes, snapshots and a NAT
// gateway under "EC2 - Other" (split by usage type), data transfer apart, and the cost-allocation
// status of each tenant's required keys. The hand-computed world, extended; two tenants.
import type { AccountSeedInput } from "@tagc/aws-sandbox";
import {
  ACME_ACCOUNT as ACME,
  acmeAccount,
  GLOBEX_ACCOUNT as GLOBEX,
  globexAccount,
  HAND_COMPUTED_START,
  sandboxSeed,
} from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { getCostAttributionGap } from "../../src/tools/get-cost-attribution-gap";
import { ok, useToolsHarness } from "./harness";

// 60 days of spend: the harness's default 30-day window sees exactly half of every amount.
const SPAN = { start: "2026-09-15", end: "2026-11-14" };
const OTHER = "EC2 - Other";
const TAGGED = { Owner: "a@acme.io", Environment: "production", Application: "shop" };

function acme(): AccountSeedInput {
  const base = acmeAccount();
  return {
    ...base,
    resources: [
      ...(base.resources ?? []),
      { type: "ec2:volume", region: "us-east-1", id: "vol-0a00000000000001", state: "in-use", tags: TAGGED },
      { type: "ec2:volume", region: "us-east-1", id: "vol-0a00000000000002", state: "available", tags: {} },
      { type: "ec2:snapshot", region: "us-east-1", id: "snap-0a00000000000001", tags: {} },
      {
        type: "ec2:natgateway",
        region: "us-east-1",
        id: "nat-0a00000000000001",
        state: "available",
        tags: TAGGED,
      },
    ],
    costs: [
      ...(base.costs ?? []),
      { ...SPAN, service: OTHER, usage_type: "EBS:VolumeUsage.gp3", amount: 40 },
      { ...SPAN, service: OTHER, usage_type: "EBS:SnapshotUsage", amount: 12 },
      { ...SPAN, service: OTHER, usage_type: "NatGateway-Hours", amount: 60 },
      { ...SPAN, service: OTHER, usage_type: "DataTransfer-Regional-Bytes", amount: 8 },
    ],
    // Application was never activated for cost allocation in acme.
    cost_allocation_tags: [
      { key: "Owner", status: "Active" },
      { key: "Environment", status: "Active" },
      { key: "Application", status: "Inactive" },
    ],
  };
}

function globex(): AccountSeedInput {
  return { ...globexAccount(), cost_allocation_tags: [{ key: "CostCenter", status: "Active" }] };
}

describe("get_cost_attribution_gap, billed as AWS bills", () => {
  const harness = useToolsHarness("postgres", { seed: () => sandboxSeed([acme(), globex()]) });

  it("puts EC2 - Other spend on volumes, snapshots and NAT gateways; the gap matches the hand computation", async () => {
    const h = harness();
    const gap = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["all"] }));
    // In the 30-day window (half of each 60-day amount):
    //   compute 300 (100 under Name web-1), S3 50, Lambda 20, Tax 30 — the hand-computed world;
    //   EC2 - Other: EBS volumes 20, EBS snapshots 6, NAT gateways 30, data transfer 4.
    // total          = 400 + 60                                    = 460
    // unattributable = Tax 30 + EC2 data transfer 4                = 34
    // taggable       = 460 − 34                                    = 426
    // attributable   = i-a1 100 + bucket 50 (as before)
    //                + vol-1 10 (20 over 2 volumes) + nat-1 30     = 190
    // gap            = 426 − 190 = 236;  236 / 426 = 55.40 %
    // Instance spend stays on instances: i-a3 takes the compute remainder 200, the volumes none of it.
    expect(gap).toMatchObject({
      total_spend: 460,
      unattributable_by_nature: 34,
      taggable_spend: 426,
      attributable_spend: 190,
      attribution_gap: 236,
      attribution_gap_percentage: 55.4,
    });
    expect(gap.unattributable_services).toEqual({ "EC2 - Other (data transfer)": 4, Tax: 30 });
    expect(gap.breakdown["ec2:instance"]).toMatchObject({ total: 300, attributable: 100, gap: 200 });
    expect(gap.breakdown["ec2:volume"]).toMatchObject({ total: 20, attributable: 10, gap: 10 });
    expect(gap.breakdown["ec2:snapshot"]).toMatchObject({ total: 6, attributable: 0, gap: 6 });
    expect(gap.breakdown["ec2:natgateway"]).toMatchObject({ total: 30, attributable: 30, gap: 0 });
  });

  it("flags each required key not activated for cost allocation, per tenant", async () => {
    const h = harness();
    const acmeGap = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["all"] }));
    expect(acmeGap.cost_allocation).toMatchObject({
      inactive_required_keys: [{ key: "Application", account_ids: [ACME] }],
      unread_account_ids: [],
      attributable_verifiable: false,
    });
    expect(acmeGap.cost_allocation.note).toContain("not activated for cost allocation");

    const globexGap = ok(await h.call(h.globex, getCostAttributionGap, { resource_types: ["all"] }));
    expect(globexGap.cost_allocation).toEqual({
      inactive_required_keys: [],
      unread_account_ids: [],
      attributable_verifiable: true,
      note: null,
    });
    expect(globexGap.total_spend).toBe(110);
    expect(JSON.stringify(globexGap)).not.toContain(ACME);
    expect(JSON.stringify(acmeGap)).not.toContain(GLOBEX);
  });

  it("reports cost-allocation tags it could not read as unknown, never as active, and keeps the numbers", async () => {
    const h = harness();
    // Past the hour the allocation tags are cached for; same 30-day window.
    h.clock.set(new Date(HAND_COMPUTED_START.getTime() + 2 * 3_600_000));
    h.sandbox.setFaults({ failing_operations: ["ce:ListCostAllocationTags"] });
    const gap = ok(await h.call(h.acme, getCostAttributionGap, { resource_types: ["all"] }));
    expect(gap.cost_allocation).toMatchObject({
      inactive_required_keys: [],
      unread_account_ids: [ACME],
      attributable_verifiable: false,
    });
    expect(gap.cost_allocation.note).toContain("could not be read");
    expect(gap).toMatchObject({ total_spend: 460, attribution_gap: 236 });
  });
});
