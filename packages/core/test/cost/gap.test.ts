import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributionGap } from "../../src/cost/gap";
import type { GapGroupBy } from "../../src/cost/gap-types";
import { UNALLOCATED_GROUP } from "../../src/cost/gap-types";
import { costData, resource, SERVICES } from "./build";

const WATCH = "Amazon CloudWatch";
const web = resource({ id: "i-web", type: "ec2:instance", state: "running", tags: { Name: "web" } });
const busy = resource({ id: "i-a", type: "ec2:instance", state: "running" });
const idle = resource({ id: "i-stop", type: "ec2:instance", state: "stopped" });
const fn1 = resource({
  id: "fn-1",
  type: "lambda:function",
  region: "eu-west-1",
  account_id: "222222222222",
});
const fn2 = resource({
  id: "fn-2",
  type: "lambda:function",
  region: "eu-west-1",
  account_id: "222222222222",
});
const bucket = resource({ id: "logs", type: "s3:bucket", region: "global", arn: "arn:aws:s3:::logs" });
const vpc = resource({ id: "vpc-1", type: "ec2:vpc" });
const resources = [web, busy, idle, fn1, fn2, bucket, vpc];
const compliantArns = [web.arn, idle.arn, fn1.arn, bucket.arn, vpc.arn];
const data = costData(
  {
    [SERVICES.ec2]: 100,
    [SERVICES.lambda]: 30,
    [SERVICES.s3]: 20,
    [SERVICES.ec2Other]: 12,
    Tax: 10,
    "AWS Support (Business)": 5,
    [WATCH]: 15,
  },
  { [SERVICES.ec2]: { web: 40 } },
);

describe('attributionGap in "all" mode', () => {
  const gap = (groupBy: GapGroupBy) =>
    attributionGap({ resources, compliantArns, costData: data, resourceTypes: "all", groupBy });

  it("leaves unattributable services out of the gap and measures the percentage on taggable spend", () => {
    const result = gap("resource_type");
    expect(result.total).toBe(192);
    expect(result.unattributable_by_nature).toBe(15);
    expect(result.unattributable_services).toEqual({ "AWS Support (Business)": 5, Tax: 10 });
    expect(result.taggable_total).toBe(177);
    // web 40 (matched) + idle 0 (stopped) + fn-1 15 + bucket 20.
    expect(result.attributable).toBe(75);
    expect(result.gap).toBe(102);
    expect(result.gap_percentage).toBe(57.63);
    expect(result.period).toEqual({ start: "2026-01-01", end: "2026-01-31" });
    expect(result.cost_sources).toEqual({
      matched: { resources: 1, amount: 40 },
      estimated: { resources: 4, amount: 110 },
      stopped: { resources: 1, amount: 0 },
    });
  });

  it("groups by resource type; spend no resource took goes to its only type or to the unallocated row", () => {
    expect(gap("resource_type").breakdown).toEqual({
      "ec2:instance": {
        total: 100,
        attributable: 40,
        gap: 60,
        resources_scanned: 3,
        compliant: 2,
        non_compliant: 1,
        note: null,
      },
      "lambda:function": {
        total: 30,
        attributable: 15,
        gap: 15,
        resources_scanned: 2,
        compliant: 1,
        non_compliant: 1,
        note: null,
      },
      "s3:bucket": {
        total: 20,
        attributable: 20,
        gap: 0,
        resources_scanned: 1,
        compliant: 1,
        non_compliant: 0,
        note: "all properly tagged",
      },
      // EC2 - Other (3 catalog types, none scanned) and CloudWatch (no catalog type).
      [UNALLOCATED_GROUP]: {
        total: 27,
        attributable: 0,
        gap: 27,
        resources_scanned: 0,
        compliant: 0,
        non_compliant: 0,
        note: "no resources found",
      },
    });
    expect(Object.keys(gap("resource_type").breakdown).at(-1)).toBe(UNALLOCATED_GROUP);
  });

  it("groups by region, account and service", () => {
    const totals = (groupBy: GapGroupBy) =>
      Object.fromEntries(
        Object.entries(gap(groupBy).breakdown).map(([key, row]) => [key, [row.total, row.gap]]),
      );
    expect(totals("region")).toEqual({
      "eu-west-1": [30, 15],
      global: [20, 0],
      "us-east-1": [100, 60],
      [UNALLOCATED_GROUP]: [27, 27],
    });
    expect(totals("account")).toEqual({
      "111111111111": [120, 60],
      "222222222222": [30, 15],
      [UNALLOCATED_GROUP]: [27, 27],
    });
    expect(totals("service")).toEqual({
      [WATCH]: [15, 15],
      [SERVICES.s3]: [20, 0],
      [SERVICES.ec2]: [100, 60],
      [SERVICES.lambda]: [30, 15],
      [SERVICES.ec2Other]: [12, 12],
    });
    expect(gap("service").breakdown[SERVICES.ec2Other]?.note).toBe("no resources found");
  });
});

describe("attributionGap with explicit types", () => {
  it("counts only the requested types' services, a shared service once, and shows every requested type", () => {
    // EC2 - Other as the usage-type split reads it: its NAT gateway line.
    const { [SERVICES.ec2Other]: ec2Other = 0, ...rest } = data.by_service;
    const split = { ...data, by_service: { ...rest, "EC2 - Other (NAT gateways)": ec2Other } };
    const result = attributionGap({
      resources,
      compliantArns,
      costData: split,
      resourceTypes: ["ec2:instance", "ec2:volume", "ec2:natgateway"],
      groupBy: "resource_type",
    });
    expect(result.total).toBe(112);
    expect(result.unattributable_by_nature).toBe(0);
    expect(result.unattributable_services).toEqual({});
    expect(result.attributable).toBe(40);
    expect(result.gap).toBe(72);
    expect(result.gap_percentage).toBe(64.29);
    expect(Object.keys(result.breakdown)).toEqual(["ec2:instance", "ec2:natgateway", "ec2:volume"]);
    expect(result.breakdown["ec2:instance"]?.resources_scanned).toBe(3);
    expect(result.breakdown["ec2:natgateway"]).toMatchObject({
      total: 12,
      gap: 12,
      note: "no resources found",
    });
    expect(result.breakdown["ec2:volume"]).toMatchObject({ total: 0, gap: 0, note: "no resources found" });
  });

  it("leaves terminated and shutting-down instances out, as the compliance scope does", () => {
    const ended = [
      resource({ id: "i-t", type: "ec2:instance", state: "terminated" }),
      resource({ id: "i-s", type: "ec2:instance", state: "shutting-down" }),
    ];
    const result = attributionGap({
      resources: [busy, ...ended],
      compliantArns: [],
      costData: costData({ [SERVICES.ec2]: 30 }),
      resourceTypes: ["ec2:instance"],
      groupBy: "resource_type",
    });
    expect(result.breakdown["ec2:instance"]).toMatchObject({
      total: 30,
      resources_scanned: 1,
      non_compliant: 1,
    });
  });

  it("reports a 0% gap when there is no taggable spend, and flags resources with $0", () => {
    const result = attributionGap({
      resources,
      compliantArns,
      costData: costData({ Tax: 3 }),
      resourceTypes: ["lambda:function"],
      groupBy: "resource_type",
    });
    expect(result).toMatchObject({ total: 0, taggable_total: 0, attributable: 0, gap: 0, gap_percentage: 0 });
    expect(result.breakdown["lambda:function"]).toMatchObject({
      total: 0,
      resources_scanned: 2,
      compliant: 1,
      note: "resources found but $0 reported",
    });
  });

  it("keeps the catalog's verdict on Amazon Bedrock: unattributable even when bedrock types are requested", () => {
    const agent = resource({ id: "agent-1", type: "bedrock:agent" });
    const result = attributionGap({
      resources: [agent],
      compliantArns: [agent.arn],
      costData: costData({ "Amazon Bedrock": 50 }),
      resourceTypes: ["bedrock:agent"],
      groupBy: "resource_type",
    });
    expect(result).toMatchObject({
      total: 50,
      unattributable_by_nature: 50,
      attributable: 0,
      gap: 0,
      gap_percentage: 0,
    });
    expect(result.breakdown["bedrock:agent"]?.resources_scanned).toBe(1);
  });
});

const GROUPINGS: GapGroupBy[] = ["resource_type", "region", "account", "service"];
const arbCase = fc.record({
  specs: fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 5 }),
      type: fc.constantFrom(
        "ec2:instance",
        "ec2:volume",
        "lambda:function",
        "s3:bucket",
        "rds:db",
        "ec2:vpc",
      ),
      region: fc.constantFrom("us-east-1", "eu-west-1", "global"),
      account: fc.constantFrom("111111111111", "222222222222"),
      stopped: fc.boolean(),
      compliant: fc.boolean(),
      name: fc.option(fc.constantFrom("web", "db"), { nil: undefined }),
    }),
    { selector: (s) => `${s.type}/${s.id}`, maxLength: 25 },
  ),
  spend: fc.dictionary(
    fc.constantFrom(SERVICES.ec2, SERVICES.lambda, SERVICES.s3, SERVICES.ec2Other, WATCH, "Tax"),
    fc.double({ min: 0, max: 10_000, noNaN: true }),
  ),
  names: fc.dictionary(fc.constantFrom("web", "db", "x"), fc.double({ min: 0, max: 10_000, noNaN: true })),
  types: fc.oneof(
    fc.constant("all" as const),
    fc.uniqueArray(fc.constantFrom("ec2:instance", "ec2:volume", "lambda:function", "rds:db"), {
      minLength: 1,
    }),
  ),
});

describe("attributionGap properties", () => {
  it("every grouping's breakdown sums to the totals", () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...GROUPINGS), (input, groupBy) => {
        const all = input.specs.map((s) =>
          resource({
            id: s.id,
            type: s.type,
            region: s.region,
            account_id: s.account,
            state: s.stopped ? "stopped" : "running",
            tags: s.name ? { Name: s.name } : {},
          }),
        );
        const result = attributionGap({
          resources: all,
          compliantArns: all.filter((_, i) => input.specs[i]!.compliant).map((r) => r.arn),
          costData: costData(input.spend, { [SERVICES.ec2]: input.names }),
          resourceTypes: input.types,
          groupBy,
        });
        const rows = Object.values(result.breakdown);
        const sum = (pick: (row: (typeof rows)[number]) => number) =>
          rows.reduce((acc, row) => acc + pick(row), 0);
        const tolerance = 1e-6;
        expect(Math.abs(sum((row) => row.total) - result.taggable_total)).toBeLessThan(tolerance);
        expect(Math.abs(sum((row) => row.attributable) - result.attributable)).toBeLessThan(tolerance);
        expect(Math.abs(sum((row) => row.gap) - result.gap)).toBeLessThan(tolerance);
        expect(result.total).toBeCloseTo(result.taggable_total + result.unattributable_by_nature, 6);
        expect(result.gap).toBeGreaterThanOrEqual(-tolerance);
        const inScope = all.filter((r) =>
          input.types === "all" ? r.type !== "ec2:vpc" : (input.types as readonly string[]).includes(r.type),
        );
        expect(sum((row) => row.resources_scanned)).toBe(inScope.length);
        expect(sum((row) => row.compliant) + sum((row) => row.non_compliant)).toBe(inScope.length);
      }),
      { numRuns: 300 },
    );
  });
});
