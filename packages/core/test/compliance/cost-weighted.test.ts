// cost_weighted_compliance: compliant spend / in-scope spend, null (with a reason) without costs or spend.
import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "../../src/compliance/score";
import type { ResourceCost } from "../../src/cost/types";
import type { TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [{ name: "Owner", description: "" }],
  optional_tags: [],
  exclusions: [{ tag: { key: "Skip" } }],
};
const resources = [
  resource("i-1", { tags: { Owner: "a" } }),
  resource("i-2"),
  resource("i-3"),
  resource("i-4", { tags: { Skip: "1" } }),
];
const cost = (amount: number): ResourceCost => ({ amount, source: "estimated" });
const arn = (id: string) => `arn:aws:ec2:us-east-1:111111111111:instance/${id}`;

describe("cost_weighted_compliance", () => {
  it("weights compliance by spend, leaving excluded spend out", () => {
    const costs = new Map([
      [arn("i-1"), cost(90)],
      [arn("i-2"), cost(10)],
      [arn("i-3"), cost(0)],
      [arn("i-4"), cost(1000)],
    ]);
    const result = evaluateCompliance({ policy, resources, resourceTypes: ["ec2:instance"], costs });
    expect(result.compliance_score).toBe(0.3333);
    expect(result).toMatchObject({ cost_weighted_compliance: 0.9, cost_weighted_reason: null });
  });

  it("is null with a reason when nothing in scope costs anything", () => {
    const result = evaluateCompliance({ policy, resources, resourceTypes: ["ec2:instance"], costs: {} });
    expect(result).toMatchObject({
      cost_weighted_compliance: null,
      cost_weighted_reason: "no spend on the resources in scope",
    });
  });

  it("is null with a reason when costs were not read", () => {
    const result = evaluateCompliance({ policy, resources, resourceTypes: ["ec2:instance"] });
    expect(result).toMatchObject({
      cost_weighted_compliance: null,
      cost_weighted_reason: "costs were not read for this call",
    });
  });
});
