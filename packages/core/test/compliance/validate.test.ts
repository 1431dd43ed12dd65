import { describe, expect, it } from "vitest";
import { validateResource } from "../../src/compliance/validate";
import type { TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [
    { name: "Owner", description: "", validation_regex: "[a-z]+@" },
    {
      name: "Environment",
      description: "",
      allowed_values: ["production", "test"],
      validation_regex: "prod",
    },
    { name: "Application", description: "", applies_to: ["s3:bucket"] },
    { name: "Tier", description: "", allowed_values: [], validation_regex: "" },
  ],
  optional_tags: [{ name: "Project", description: "" }],
};

const kinds = (tags: Record<string, string>) =>
  validateResource(resource("i-1", { tags }), policy).map((v) => [v.tag_name, v.violation_type, v.severity]);

describe("validateResource", () => {
  it("reports nothing for a compliant resource (inapplicable and optional tags ignored)", () => {
    expect(kinds({ Owner: "jane@x.com", Environment: "production", Tier: "x" })).toEqual([]);
  });

  it("reports every missing applicable tag, in policy order, as an error", () => {
    expect(kinds({})).toEqual([
      ["Owner", "missing_required_tag", "error"],
      ["Environment", "missing_required_tag", "error"],
      ["Tier", "missing_required_tag", "error"],
    ]);
  });

  it("matches keys exactly and case-sensitively", () => {
    expect(kinds({ owner: "jane@x.com", Environment: "production", Tier: "" })).toEqual([
      ["Owner", "missing_required_tag", "error"],
    ]);
  });

  it("checks allowed values case-sensitively and then skips the regex", () => {
    expect(kinds({ Owner: "jane@x", Environment: "Production", Tier: "" })).toEqual([
      ["Environment", "invalid_value", "error"],
    ]);
  });

  it("checks the regex of an allowed value (step 3 runs when step 2 passes)", () => {
    expect(kinds({ Owner: "jane@x", Environment: "test", Tier: "" })).toEqual([
      ["Environment", "invalid_format", "warning"],
    ]);
  });

  it("matches the regex at the start only, like Python re.match", () => {
    expect(kinds({ Owner: "jane@", Environment: "production", Tier: "" })).toEqual([]);
    expect(kinds({ Owner: "Jane@x", Environment: "production", Tier: "" })).toEqual([
      ["Owner", "invalid_format", "warning"],
    ]);
    expect(kinds({ Owner: " jane@x", Environment: "production", Tier: "" })).toEqual([
      ["Owner", "invalid_format", "warning"],
    ]);
  });

  it("treats an empty string as present: judged by value and format, never missing", () => {
    expect(kinds({ Owner: "", Environment: "", Tier: "" })).toEqual([
      ["Owner", "invalid_format", "warning"],
      ["Environment", "invalid_value", "error"],
    ]);
  });

  it("ignores an empty allowed list and an empty regex, as Python's falsy checks did", () => {
    expect(kinds({ Owner: "a@", Environment: "production", Tier: "anything at all" })).toEqual([]);
  });

  it("does not find a tag through the prototype chain", () => {
    const p: TaggingPolicy = {
      version: "1",
      required_tags: [{ name: "constructor", description: "" }],
      optional_tags: [],
    };
    expect(validateResource(resource("i-1"), p).map((v) => v.violation_type)).toEqual([
      "missing_required_tag",
    ]);
  });

  it("fills every field of a violation, with the cost from the map", () => {
    const r = resource("i-9", { tags: { Owner: "jane@x", Environment: "dev", Tier: "t" } });
    const costs = new Map([[r.arn, { amount: 41.5, source: "matched" as const }]]);
    expect(validateResource(r, policy, costs)).toEqual([
      {
        resource_id: "i-9",
        resource_arn: "arn:aws:ec2:us-east-1:111111111111:instance/i-9",
        resource_type: "ec2:instance",
        region: "us-east-1",
        account_id: "111111111111",
        violation_type: "invalid_value",
        tag_name: "Environment",
        severity: "error",
        current_value: "dev",
        allowed_values: ["production", "test"],
        cost_impact_monthly: 41.5,
      },
    ]);
  });

  it("uses null current value and allowed values when they do not exist, and cost 0 without a map", () => {
    const [missing] = validateResource(resource("i-2", { tags: { Environment: "test" } }), policy);
    expect(missing).toMatchObject({
      tag_name: "Owner",
      current_value: null,
      allowed_values: null,
      cost_impact_monthly: 0,
    });
  });

  it("reads costs from a plain record as well, own keys only", () => {
    const r = resource("i-3");
    expect(
      validateResource(r, policy, { [r.arn]: { amount: 7, source: "estimated" } })[0]?.cost_impact_monthly,
    ).toBe(7);
    expect(
      validateResource(r, policy, { other: { amount: 7, source: "estimated" } })[0]?.cost_impact_monthly,
    ).toBe(0);
  });

  it("refuses to score with a regex that parsePolicy would have rejected", () => {
    const bad: TaggingPolicy = {
      version: "1",
      required_tags: [{ name: "X", description: "", validation_regex: "(" }],
      optional_tags: [],
    };
    expect(() => validateResource(resource("i-4", { tags: { X: "x" } }), bad)).toThrow(
      /required tag "X": invalid/,
    );
  });
});
