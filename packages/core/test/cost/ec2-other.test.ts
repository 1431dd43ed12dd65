// "EC2 - Other" as AWS bills it: read by usage type, each family's spend on its own type, data
// transfer apart, instance spend never on volumes. The gap is checked against a hand computation.
import { describe, expect, it } from "vitest";
import { type CostExplorerResultByTime, costDataFromCostExplorer } from "../../src/cost/cost-explorer";
import { attributionGap } from "../../src/cost/gap";
import { spreadCosts } from "../../src/cost/spread";
import { resource, SERVICES } from "./build";

const PERIOD = { Start: "2026-09-01", End: "2026-10-01" };
const group = (keys: string[], amount: number) => ({
  Keys: keys,
  Metrics: { UnblendedCost: { Amount: String(amount), Unit: "USD" } },
});
// Query 1: GroupBy SERVICE + TAG:Name. Its EC2 - Other group must be ignored once the split is read.
const byService: CostExplorerResultByTime[] = [
  {
    TimePeriod: PERIOD,
    Groups: [
      group([SERVICES.ec2, "Name$web"], 40),
      group([SERVICES.ec2, "Name$"], 60),
      group([SERVICES.ec2Other, "Name$"], 59),
      group(["Tax", "Name$"], 10),
    ],
  },
];
// Query 2: Filter SERVICE = EC2 - Other, GroupBy USAGE_TYPE + TAG:Name.
const byUsageType: CostExplorerResultByTime[] = [
  {
    TimePeriod: PERIOD,
    Groups: [
      group(["EBS:VolumeUsage.gp3", "Name$"], 20),
      group(["USW2-EBS:VolumeUsage.gp2", "Name$db-data"], 6),
      group(["EBS:SnapshotUsage", "Name$"], 9),
      group(["NatGateway-Hours", "Name$"], 16),
      group(["NatGateway-Bytes", "Name$"], 4),
      group(["DataTransfer-Regional-Bytes", "Name$"], 3),
      group(["CPUCredits:t3", "Name$"], 1),
    ],
  },
];

const web = resource({ id: "i-web", type: "ec2:instance", state: "running", tags: { Name: "web" } });
const busy = resource({ id: "i-busy", type: "ec2:instance", state: "running" });
const vol1 = resource({ id: "vol-1", type: "ec2:volume", state: "in-use" });
const vol2 = resource({ id: "vol-2", type: "ec2:volume", state: "in-use" });
const volDb = resource({ id: "vol-db", type: "ec2:volume", state: "in-use", tags: { Name: "db-data" } });
const snap = resource({ id: "snap-1", type: "ec2:snapshot" });
const nat = resource({ id: "nat-1", type: "ec2:natgateway", state: "available" });
const resources = [web, busy, vol1, vol2, volDb, snap, nat];
const compliantArns = [web.arn, vol1.arn, volDb.arn, nat.arn];

describe("EC2 - Other split by usage type", () => {
  const data = costDataFromCostExplorer(byService, { ec2OtherByUsageType: byUsageType });

  it("reads each family as its own line and never counts EC2 - Other twice", () => {
    expect(data.by_service).toEqual({
      [SERVICES.ec2]: 100,
      Tax: 10,
      "EC2 - Other (EBS volumes)": 26,
      "EC2 - Other (EBS snapshots)": 9,
      "EC2 - Other (NAT gateways)": 20,
      "EC2 - Other (data transfer)": 3,
      "EC2 - Other": 1,
    });
    expect(data.by_service_name_tag["EC2 - Other (EBS volumes)"]).toEqual({ "db-data": 6 });
  });

  it("puts each family's spend on its type and none of the instances' on volumes", () => {
    const costs = spreadCosts({ resources, costData: data });
    expect(costs.get(web.arn)).toEqual({ amount: 40, source: "matched" });
    expect(costs.get(busy.arn)).toEqual({ amount: 60, source: "estimated" });
    // (26 − 6 matched) / 2 unmatched volumes.
    expect(costs.get(vol1.arn)).toEqual({ amount: 10, source: "estimated" });
    expect(costs.get(vol2.arn)).toEqual({ amount: 10, source: "estimated" });
    expect(costs.get(volDb.arn)).toEqual({ amount: 6, source: "matched" });
    expect(costs.get(snap.arn)).toEqual({ amount: 9, source: "estimated" });
    expect(costs.get(nat.arn)).toEqual({ amount: 20, source: "estimated" });
  });

  it("measures the gap as the hand computation does", () => {
    const gap = attributionGap({
      resources,
      compliantArns,
      costData: data,
      resourceTypes: "all",
      groupBy: "resource_type",
    });
    // total        = 100 (compute) + 59 (EC2 - Other: 26 + 9 + 20 + 3 + 1) + 10 (tax)      = 169
    // unattributable = 10 (tax) + 3 (EC2 data transfer)                                   = 13
    // taggable     = 169 − 13                                                               = 156
    // attributable = web 40 + vol-1 10 + vol-db 6 + nat-1 20                                = 76
    // gap          = 156 − 76 = 80;  80 / 156 = 51.28 %
    expect(gap.total).toBe(169);
    expect(gap.unattributable_by_nature).toBe(13);
    expect(gap.unattributable_services).toEqual({ "EC2 - Other (data transfer)": 3, Tax: 10 });
    expect(gap.taggable_total).toBe(156);
    expect(gap.attributable).toBe(76);
    expect(gap.gap).toBe(80);
    expect(gap.gap_percentage).toBe(51.28);
    const rows = Object.fromEntries(
      Object.entries(gap.breakdown).map(([key, row]) => [key, [row.total, row.attributable, row.gap]]),
    );
    expect(rows).toEqual({
      "ec2:instance": [100, 40, 60],
      "ec2:natgateway": [20, 20, 0],
      "ec2:snapshot": [9, 0, 9],
      "ec2:volume": [26, 16, 10],
      // CPU credits: EC2 - Other spend no scanned type carries.
      "(unallocated)": [1, 0, 1],
    });
  });

  it("covers only the requested families when types are named", () => {
    const gap = attributionGap({
      resources,
      compliantArns,
      costData: data,
      resourceTypes: ["ec2:volume", "ec2:natgateway"],
      groupBy: "service",
    });
    // 26 + 20: neither instances nor snapshots nor data transfer are in scope.
    expect(gap.taggable_total).toBe(46);
    expect(gap.attributable).toBe(36);
    expect(Object.keys(gap.breakdown)).toEqual(["EC2 - Other (EBS volumes)", "EC2 - Other (NAT gateways)"]);
  });
});

describe("Amazon Virtual Private Cloud split by usage type", () => {
  const group = (keys: string[], amount: number) => ({
    Keys: keys,
    Metrics: { UnblendedCost: { Amount: String(amount), Unit: "USD" } },
  });
  const period = { Start: "2026-01-01", End: "2026-02-01" };
  it("reads the service from its usage-type query alone, one line per family", () => {
    const data = costDataFromCostExplorer(
      [{ TimePeriod: period, Groups: [group(["Amazon Virtual Private Cloud", "Name$"], 99)] }],
      {
        vpcByUsageType: [
          {
            TimePeriod: period,
            Groups: [
              group(["VPN-Usage-Hours:ipsec.1", "Name$"], 36),
              group(["USE2-PublicIPv4:InUseAddress", "Name$"], 7),
            ],
          },
        ],
      },
    );
    expect(data.by_service).toEqual({
      "Amazon Virtual Private Cloud (VPN connections)": 36,
      "Amazon Virtual Private Cloud (public IPv4)": 7,
    });
  });
});
