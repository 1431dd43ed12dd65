import { describe, expect, it } from "vitest";
import { ageInDays } from "../../src/compliance/age";
import { findUntaggedResources } from "../../src/compliance/untagged";
import type { ResourceCost } from "../../src/cost/types";
import type { TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [
    { name: "Owner", description: "" },
    { name: "Environment", description: "", allowed_values: ["prod"] },
    { name: "Backup", description: "", applies_to: ["rds:db"] },
  ],
  optional_tags: [{ name: "Project", description: "" }],
};
const now = new Date("2026-03-10T12:00:00Z");
const base = { policy, resourceTypes: ["all"], now };

describe("findUntaggedResources", () => {
  const resources = [
    resource("i-1", { tags: { Owner: "a", Environment: "not-allowed" } }), // values are not checked here
    resource("i-2", { tags: { Owner: "", Environment: "" } }), // empty values are present
    resource("i-3", { tags: { Environment: "prod", Project: "x" }, created_at: "2026-03-01T12:00:00Z" }),
    resource("db", {
      type: "rds:db",
      tags: { Owner: "a", Environment: "prod" },
      created_at: "2026-03-10T11:00:00Z",
    }),
    resource("i-4", { tags: {}, state: "terminated" }),
    resource("vpc", { type: "ec2:vpc", tags: {} }),
  ];

  it("lists resources missing an applicable required tag, with what is missing, ordered by ARN", () => {
    const result = findUntaggedResources({ ...base, resources });
    expect(result).toEqual({
      resources: [
        {
          resource_id: "db",
          resource_arn: "arn:aws:ec2:us-east-1:111111111111:instance/db",
          resource_type: "rds:db",
          region: "us-east-1",
          account_id: "111111111111",
          current_tags: { Owner: "a", Environment: "prod" },
          missing_required_tags: ["Backup"],
          age_days: 0,
        },
        {
          resource_id: "i-3",
          resource_arn: "arn:aws:ec2:us-east-1:111111111111:instance/i-3",
          resource_type: "ec2:instance",
          region: "us-east-1",
          account_id: "111111111111",
          current_tags: { Environment: "prod", Project: "x" },
          missing_required_tags: ["Owner"],
          age_days: 9,
        },
      ],
      total_untagged: 2,
      not_taggable: [],
    });
  });

  it("respects the requested types", () => {
    const result = findUntaggedResources({ ...base, resources, resourceTypes: ["ec2:instance"] });
    expect(result.resources.map((r) => r.resource_id)).toEqual(["i-3"]);
  });

  it("adds cost and source when costs are given, $0 estimated for an unpriced resource", () => {
    const costs = new Map<string, ResourceCost>([[resources[2]!.arn, { amount: 30.126, source: "matched" }]]);
    const result = findUntaggedResources({ ...base, resources, costs });
    expect(result.resources.map((r) => [r.resource_id, r.monthly_cost_estimate, r.cost_source])).toEqual([
      ["db", 0, "estimated"],
      ["i-3", 30.13, "matched"], // issue 11: the estimate is in whole cents
    ]);
    expect(result.total_monthly_cost).toBe(30.13);
  });

  it("keeps cost >= min_cost_threshold, inclusive", () => {
    const many = [
      resource("a", { tags: {} }),
      resource("b", { tags: {} }),
      resource("c", { tags: {} }),
      resource("d", { tags: {}, state: "stopped" }),
    ];
    const costs: Record<string, ResourceCost> = {
      [many[0]!.arn]: { amount: 9.99, source: "estimated" },
      [many[1]!.arn]: { amount: 10, source: "estimated" },
      [many[2]!.arn]: { amount: 250, source: "matched" },
      [many[3]!.arn]: { amount: 0, source: "stopped" },
    };
    const result = findUntaggedResources({ ...base, resources: many, costs, minCostThreshold: 10 });
    expect(result.resources.map((r) => [r.resource_id, r.monthly_cost_estimate, r.cost_source])).toEqual([
      ["b", 10, "estimated"],
      ["c", 250, "matched"],
    ]);
    expect(result.total_untagged).toBe(2);
    expect(result.total_monthly_cost).toBe(260);
  });

  it("treats a threshold without a cost map as costs requested, every resource at $0", () => {
    const result = findUntaggedResources({ ...base, resources: [resource("a")], minCostThreshold: 0 });
    expect(result.resources.map((r) => [r.monthly_cost_estimate, r.cost_source])).toEqual([[0, "estimated"]]);
    expect(result.total_monthly_cost).toBe(0);
    expect(
      findUntaggedResources({ ...base, resources: [resource("a")], minCostThreshold: 0.01 }).total_untagged,
    ).toBe(0);
  });

  it("copies current tags rather than sharing the input object", () => {
    const r = resource("a", { tags: { Project: "x" } });
    const [item] = findUntaggedResources({ ...base, resources: [r] }).resources;
    expect(item?.current_tags).toEqual({ Project: "x" });
    expect(item?.current_tags).not.toBe(r.tags);
  });
});

describe("ageInDays", () => {
  it.each([
    ["2026-03-10T12:00:00Z", 0],
    ["2026-03-09T12:00:01Z", 0], // 23h59m59s: not yet a day
    ["2026-03-09T12:00:00Z", 1],
    ["2025-03-10T12:00:00Z", 365],
    ["2026-03-11T00:00:00Z", 0], // a little in the future (clock skew)
  ])("%s -> %i", (createdAt, days) => {
    expect(ageInDays(createdAt, now)).toBe(days);
  });

  it.each([null, undefined, "", "not a date"])("is null, not 0, when unknown (%j)", (createdAt) => {
    expect(ageInDays(createdAt, now)).toBeNull();
  });
});
