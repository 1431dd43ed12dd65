// fetchCostData (EC2 - Other split by usage type) and listActiveCostAllocationTags, through the SDK
// against the sandbox. Two accounts: each read returns only the caller's own data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsReadError, fetchCostData, listActiveCostAllocationTags } from "../../src";
import {
  ACME,
  acmeAccount,
  callsIn,
  credentialsOf,
  GLOBEX,
  globexAccount,
  startWorld,
  type World,
} from "./fixtures";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const OTHER = "EC2 - Other";
const VPC = "Amazon Virtual Private Cloud";
const SEP = { start: "2026-09-01", end: "2026-10-01" };

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({
      costs: [
        { ...SEP, service: EC2, usage_type: "BoxUsage:t3.medium", amount: 70, name: "web" },
        { ...SEP, service: OTHER, usage_type: "EBS:VolumeUsage.gp3", amount: 8 },
        { ...SEP, service: OTHER, usage_type: "EUW2-EBS:SnapshotUsage", amount: 2, name: "nightly" },
        { ...SEP, service: OTHER, usage_type: "NatGateway-Bytes", amount: 4 },
        { ...SEP, service: OTHER, usage_type: "DataTransfer-Regional-Bytes", amount: 0.5 },
        { ...SEP, service: "Tax", amount: 3 },
      ],
      cost_allocation_tags: [
        { key: "Owner", status: "Active" },
        { key: "Environment", status: "Inactive" },
        { key: "aws:createdBy", type: "AWSGenerated", status: "Active" },
      ],
    }),
    globexAccount({
      costs: [
        { ...SEP, service: OTHER, usage_type: "NatGateway-Hours", amount: 32 },
        { ...SEP, service: VPC, usage_type: "VpcEndpoint-Hours", amount: 7.5, name: "ssm" },
        { ...SEP, service: VPC, usage_type: "PublicIPv4:InUseAddress", amount: 3.5 },
      ],
      cost_allocation_tags: [{ key: "Team", status: "Active" }],
    }),
  ]);
});
afterAll(() => world.stop());

const timePeriod = { Start: "2026-09-01", End: "2026-10-01" };

describe("fetchCostData", () => {
  it("reads EC2 - Other by usage type, so each family is its own line, in two queries", async () => {
    world.sandbox.resetCounters();
    const data = await fetchCostData({
      config: world.config,
      credentials: credentialsOf(world, ACME),
      timePeriod,
    });
    expect(callsIn(world.sandbox, ACME.accountId, "us-east-1", "ce:GetCostAndUsage")).toBe(2);
    expect(data.by_service).toEqual({
      [EC2]: 70,
      Tax: 3,
      "EC2 - Other (EBS volumes)": 8,
      "EC2 - Other (EBS snapshots)": 2,
      "EC2 - Other (NAT gateways)": 4,
      "EC2 - Other (data transfer)": 0.5,
    });
    expect(data.by_service_name_tag).toEqual({
      [EC2]: { web: 70 },
      "EC2 - Other (EBS snapshots)": { nightly: 2 },
    });
  });

  it("skips the split when the service filter leaves EC2 - Other out", async () => {
    world.sandbox.resetCounters();
    const data = await fetchCostData({
      config: world.config,
      credentials: credentialsOf(world, ACME),
      timePeriod,
      services: [EC2],
    });
    expect(callsIn(world.sandbox, ACME.accountId, "us-east-1", "ce:GetCostAndUsage")).toBe(1);
    expect(data.by_service).toEqual({ [EC2]: 70 });
  });

  it("returns only the caller's account, and reads VPC spend by usage type when there is some", async () => {
    world.sandbox.resetCounters();
    const data = await fetchCostData({
      config: world.config,
      credentials: credentialsOf(world, GLOBEX),
      timePeriod,
    });
    // Endpoint hours are their own line; public IPv4 (billed under VPC since 2024) is another.
    expect(data.by_service).toEqual({
      "EC2 - Other (NAT gateways)": 32,
      "Amazon Virtual Private Cloud (VPC endpoints)": 7.5,
      "Amazon Virtual Private Cloud (public IPv4)": 3.5,
    });
    expect(data.by_service_name_tag).toEqual({
      "Amazon Virtual Private Cloud (VPC endpoints)": { ssm: 7.5 },
    });
    expect(callsIn(world.sandbox, GLOBEX.accountId, "us-east-1", "ce:GetCostAndUsage")).toBe(3);
  });
});

describe("listActiveCostAllocationTags", () => {
  it("lists the active user-defined keys of the caller's account only", async () => {
    await expect(
      listActiveCostAllocationTags({ config: world.config, credentials: credentialsOf(world, ACME) }),
    ).resolves.toEqual(["Owner"]);
    await expect(
      listActiveCostAllocationTags({ config: world.config, credentials: credentialsOf(world, GLOBEX) }),
    ).resolves.toEqual(["Team"]);
  });

  it("classifies a denied call, naming the action", async () => {
    const error = await listActiveCostAllocationTags({
      config: world.config,
      credentials: credentialsOf(world, ACME, "probesOnly"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error).toMatchObject({
      code: "ACCESS_DENIED",
      details: { actions: ["ce:ListCostAllocationTags"] },
    });
  });
});
