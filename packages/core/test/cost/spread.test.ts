import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadCosts, spreadCostsDetailed } from "../../src/cost/spread";
import type { Resource } from "../../src/model";
import { costData, resource, SERVICES } from "./build";

const instance = (id: string, over: Partial<Resource> = {}) =>
  resource({ id, type: "ec2:instance", state: "running", ...over });

describe("spreadCosts", () => {
  it("gives a Name-tag match its group (case-insensitive, spaces as dashes) and shares the rest", () => {
    const web = instance("i-web", { tags: { Name: "Web  Server" } });
    const a = instance("i-a");
    const b = instance("i-b");
    const costs = spreadCosts({
      resources: [web, a, b],
      costData: costData({ [SERVICES.ec2]: 100 }, { [SERVICES.ec2]: { "web-server": 40, ghost: 20 } }),
    });
    expect(costs.get(web.arn)).toEqual({ amount: 40, source: "matched" });
    // The unmatched "ghost" group and untagged spend form the remainder: 60 over 2 running.
    expect(costs.get(a.arn)).toEqual({ amount: 30, source: "estimated" });
    expect(costs.get(b.arn)).toEqual({ amount: 30, source: "estimated" });
  });

  it("gives stopped EC2 instances $0 and shares the remainder over the running resources only", () => {
    const running = instance("i-run");
    const stopped = instance("i-stop", { state: "stopped" });
    const stopping = instance("i-stopping", { state: "stopping" });
    const volume = resource({ id: "vol-1", type: "ec2:volume", state: "available" });
    const costs = spreadCosts({
      resources: [running, stopped, stopping, volume],
      costData: costData({ [SERVICES.ec2]: 50 }),
    });
    expect(costs.get(running.arn)).toEqual({ amount: 50, source: "estimated" });
    // EBS is billed under "EC2 - Other": instance spend never reaches a volume.
    expect(costs.get(volume.arn)).toEqual({ amount: 0, source: "estimated" });
    expect(costs.get(stopped.arn)).toEqual({ amount: 0, source: "stopped" });
    expect(costs.get(stopping.arn)).toEqual({ amount: 0, source: "stopped" });
  });

  it("shares equally between all resources when none is running", () => {
    const one = instance("i-1", { state: "stopped" });
    const two = instance("i-2", { state: "stopped" });
    const costs = spreadCosts({ resources: [one, two], costData: costData({ [SERVICES.ec2]: 9 }) });
    expect(costs.get(one.arn)).toEqual({ amount: 4.5, source: "estimated" });
    expect(costs.get(two.arn)).toEqual({ amount: 4.5, source: "estimated" });
  });

  it("a matched stopped instance keeps its measured amount", () => {
    const stopped = instance("i-1", { state: "stopped", tags: { Name: "batch" } });
    const costs = spreadCosts({
      resources: [stopped, instance("i-2")],
      costData: costData({ [SERVICES.ec2]: 10 }, { [SERVICES.ec2]: { batch: 4 } }),
    });
    expect(costs.get(stopped.arn)).toEqual({ amount: 4, source: "matched" });
  });

  it("counts a service once when several types share it (RDS instance and cluster)", () => {
    const resources = [
      resource({ id: "db-1", type: "rds:db" }),
      resource({ id: "cluster-1", type: "rds:cluster" }),
      resource({ id: "cluster-2", type: "rds:cluster" }),
    ];
    const spread = spreadCostsDetailed({ resources, costData: costData({ [SERVICES.rds]: 90 }) });
    expect([...spread.byArn.values()].map((cost) => cost.amount)).toEqual([30, 30, 30]);
    expect(spread.byService.get(SERVICES.rds)).toEqual({
      total: 90,
      allocated: 90,
      unallocated: 0,
      resources: 3,
    });
  });

  it("splits one Name group between resources sharing that Name instead of paying it twice", () => {
    const one = instance("i-1", { tags: { Name: "worker" } });
    const two = instance("i-2", { tags: { Name: "WORKER" } });
    const costs = spreadCosts({
      resources: [one, two],
      costData: costData({ [SERVICES.ec2]: 10 }, { [SERVICES.ec2]: { worker: 10 } }),
    });
    expect(costs.get(one.arn)).toEqual({ amount: 5, source: "matched" });
    expect(costs.get(two.arn)).toEqual({ amount: 5, source: "matched" });
  });

  it("scales matched amounts down so the spread never exceeds the service total", () => {
    const one = instance("i-1", { tags: { Name: "a" } });
    const two = instance("i-2", { tags: { Name: "b" } });
    const other = instance("i-3");
    const spread = spreadCostsDetailed({
      resources: [one, two, other],
      // A credit in the untagged bucket made the total smaller than the named groups.
      costData: costData({ [SERVICES.ec2]: 100 }, { [SERVICES.ec2]: { a: 90, b: 30 } }),
    });
    expect(spread.byArn.get(one.arn)).toEqual({ amount: 75, source: "matched" });
    expect(spread.byArn.get(two.arn)).toEqual({ amount: 25, source: "matched" });
    expect(spread.byArn.get(other.arn)).toEqual({ amount: 0, source: "estimated" });
    expect(spread.byService.get(SERVICES.ec2)?.allocated).toBe(100);
  });

  it("matches only the resource's own service", () => {
    const fn = resource({ id: "api", type: "lambda:function", tags: { Name: "api" } });
    const costs = spreadCosts({
      resources: [fn],
      costData: costData({ [SERVICES.ec2]: 50, [SERVICES.lambda]: 8 }, { [SERVICES.ec2]: { api: 50 } }),
    });
    expect(costs.get(fn.arn)).toEqual({ amount: 8, source: "estimated" });
  });

  it("treats negative groups as $0 and spreads nothing from a negative (credit) total", () => {
    const named = instance("i-1", { tags: { Name: "refund" } });
    const other = instance("i-2");
    const positive = spreadCostsDetailed({
      resources: [named, other],
      costData: costData({ [SERVICES.ec2]: 10 }, { [SERVICES.ec2]: { refund: -4 } }),
    });
    expect(positive.byArn.get(named.arn)).toEqual({ amount: 0, source: "matched" });
    expect(positive.byArn.get(other.arn)).toEqual({ amount: 10, source: "estimated" });

    const negative = spreadCostsDetailed({ resources: [other], costData: costData({ [SERVICES.ec2]: -6 }) });
    expect(negative.byArn.get(other.arn)).toEqual({ amount: 0, source: "estimated" });
    expect(negative.byService.get(SERVICES.ec2)).toEqual({
      total: -6,
      allocated: 0,
      unallocated: -6,
      resources: 1,
    });
  });

  it("leaves the remainder unallocated when every resource is matched, and all spend with no resource", () => {
    const named = instance("i-1", { tags: { Name: "web" } });
    const spread = spreadCostsDetailed({
      resources: [named],
      costData: costData({ [SERVICES.ec2]: 10, [SERVICES.s3]: 3 }, { [SERVICES.ec2]: { web: 4 } }),
    });
    expect(spread.byArn.get(named.arn)).toEqual({ amount: 4, source: "matched" });
    expect(spread.byService.get(SERVICES.ec2)).toEqual({
      total: 10,
      allocated: 4,
      unallocated: 6,
      resources: 1,
    });
    expect(spread.byService.get(SERVICES.s3)).toEqual({
      total: 3,
      allocated: 0,
      unallocated: 3,
      resources: 0,
    });
  });

  it("gives $0 to free or unknown types, an empty Name matches nothing, duplicates are paid once", () => {
    const vpc = resource({ id: "vpc-1", type: "ec2:vpc" });
    const unknown = resource({ id: "x", type: "made:up" });
    const blank = instance("i-1", { tags: { Name: " " } });
    const costs = spreadCostsDetailed({
      resources: [vpc, unknown, blank, blank],
      costData: costData({ [SERVICES.ec2]: 12 }, { [SERVICES.ec2]: { "": 5 } }),
    });
    expect(costs.byArn.get(vpc.arn)).toEqual({ amount: 0, source: "estimated" });
    expect(costs.byArn.get(unknown.arn)).toEqual({ amount: 0, source: "estimated" });
    expect(costs.byArn.get(blank.arn)).toEqual({ amount: 12, source: "estimated" });
    expect(costs.byService.get(SERVICES.ec2)?.resources).toBe(1);
  });
});

// Random resources across two services that share names, states and Name tags.
const TYPES = ["ec2:instance", "ec2:volume", "lambda:function", "s3:bucket"] as const;
const NAMES = ["web", "Web", "db", "api", "batch job"] as const;
const arbResources = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 6 }),
    type: fc.constantFrom(...TYPES),
    state: fc.constantFrom("running", "stopped", null),
    name: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
  }),
  { selector: (r) => `${r.type}/${r.id}`, maxLength: 30 },
);
const arbAmount = fc.double({ min: -50, max: 5000, noNaN: true, noDefaultInfinity: true });
const arbNames = fc.dictionary(fc.constantFrom("web", "db", "api", "batch-job", "other"), arbAmount);
const arbCostData = fc.record({
  ec2: arbAmount,
  lambda: arbAmount,
  ec2Names: arbNames,
  lambdaNames: arbNames,
});

describe("spreadCosts properties", () => {
  it("never gives a service more than its total, and allocated + unallocated = total", () => {
    fc.assert(
      fc.property(arbResources, arbCostData, (specs, cost) => {
        const resources = specs.map((spec) =>
          resource({
            id: spec.id,
            type: spec.type,
            state: spec.state,
            tags: spec.name ? { Name: spec.name } : {},
          }),
        );
        const data = costData(
          { [SERVICES.ec2]: cost.ec2, [SERVICES.lambda]: cost.lambda },
          { [SERVICES.ec2]: cost.ec2Names, [SERVICES.lambda]: cost.lambdaNames },
        );
        const spread = spreadCostsDetailed({ resources, costData: data });
        for (const [service, total] of [
          [SERVICES.ec2, cost.ec2],
          [SERVICES.lambda, cost.lambda],
        ] as const) {
          const types = service === SERVICES.ec2 ? ["ec2:instance", "ec2:volume"] : ["lambda:function"];
          const sum = resources
            .filter((r) => types.includes(r.type))
            .reduce((acc, r) => acc + (spread.byArn.get(r.arn)?.amount ?? Number.NaN), 0);
          const tolerance = 1e-9 * Math.max(1, Math.abs(total));
          expect(sum).toBeLessThanOrEqual(Math.max(total, 0) + tolerance);
          const summary = spread.byService.get(service)!;
          expect(Math.abs(summary.allocated + summary.unallocated - total)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(summary.allocated - sum)).toBeLessThanOrEqual(tolerance);
        }
        for (const cost of spread.byArn.values()) expect(cost.amount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
