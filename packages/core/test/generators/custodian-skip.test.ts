// Issue 11: one unknown (or free) resource type in the request no longer rejects the whole Custodian
// generation: it is skipped, and the output says so in typed warnings.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CoreInputError } from "../../src/errors";
import { generateCustodianPolicies } from "../../src/generators/custodian";
import type { TaggingPolicy } from "../../src/policy/types";
import { custodianFileSchema } from "./custodian-schema";
import { fixturePolicy } from "./policies";

describe("generateCustodianPolicies: types it cannot use", () => {
  const result = generateCustodianPolicies(fixturePolicy(), {
    resource_types: ["ec2:instance", "ec2:instances", "ec2:vpc", "lambda:function"],
    violation_types: ["missing_tag"],
  });

  it("generates the known types and skips the unknown and free ones", () => {
    expect(result.policies.map((p) => p.resource_type)).toEqual(["ec2:instance", "lambda:function"]);
    custodianFileSchema.parse(parse(result.combined_yaml));
    expect(result.skipped).toEqual([
      {
        resource_type: "ec2:instances",
        reason: expect.stringContaining("ec2:instances is not a known resource type; did you mean"),
      },
      {
        resource_type: "ec2:vpc",
        reason: "ec2:vpc is a free resource type (no direct cost) and is not scanned",
      },
    ]);
    expect(result.counts).toMatchObject({ policies: 2, resource_types: 2, skipped: 2 });
  });

  it("reports each skipped type as a typed warning with a code", () => {
    expect(result.warnings).toEqual([
      {
        code: "unknown_resource_type",
        resource_type: "ec2:instances",
        message: expect.stringMatching(
          /^ec2:instances is not a known resource type; did you mean .*ec2:instance/,
        ),
      },
      {
        code: "free_resource_type",
        resource_type: "ec2:vpc",
        message: "ec2:vpc is a free resource type (no direct cost) and is not scanned",
      },
    ]);
  });

  it("still refuses a request in which no type is usable, naming resource_types", () => {
    const run = () =>
      generateCustodianPolicies(fixturePolicy(), { resource_types: ["ec2:instances", "x:y"] });
    expect(run).toThrow(CoreInputError);
    expect(run).toThrow("ec2:instances is not a known resource type");
  });

  it("types the placeholder warnings too", () => {
    const policy: TaggingPolicy = {
      version: "3",
      required_tags: [{ name: "Ticket", description: "t", validation_regex: "^(?=JIRA)[A-Z]+-\\d+$" }],
      optional_tags: [],
    };
    const fixing = generateCustodianPolicies(policy, {
      resource_types: ["ec2:instance", "nope:nope"],
      dry_run: false,
    });
    expect(fixing.warnings.map((w) => [w.code, w.resource_type])).toEqual([
      ["unknown_resource_type", "nope:nope"],
      ["placeholder_not_valid", null],
      ["invalid_value_notified", null],
    ]);
  });
});
