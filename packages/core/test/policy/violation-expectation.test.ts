// Issue 11: each violation carries what the tag expects for its own kind of failure: an
// invalid_format violation names the pattern the value failed, never the allowed-values list.
import { describe, expect, it } from "vitest";
import { validateResource } from "../../src/compliance/validate";
import { exportViolationsCsv } from "../../src/export/violations-csv";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [
    { name: "Owner", description: "", validation_regex: "^[a-z]+@acme\\.io$" },
    {
      name: "Environment",
      description: "",
      allowed_values: ["production", "test"],
      validation_regex: "^prod",
    },
  ],
  optional_tags: [],
};
const resource = (tags: Record<string, string>): Resource => ({
  arn: "arn:aws:ec2:us-east-1:111111111111:instance/i-1",
  id: "i-1",
  type: "ec2:instance",
  region: "us-east-1",
  account_id: "111111111111",
  tags,
});
const byTag = (tags: Record<string, string>) =>
  Object.fromEntries(validateResource(resource(tags), policy).map((v) => [v.tag_name, v]));

describe("what a violation says the tag expects", () => {
  it("invalid_format carries the pattern and no allowed values", () => {
    const { Owner, Environment } = byTag({ Owner: "Jane", Environment: "test" });
    expect(Owner).toMatchObject({
      violation_type: "invalid_format",
      allowed_values: null,
      validation_regex: "^[a-z]+@acme\\.io$",
    });
    // "test" is allowed but fails ^prod: the list would mislead, the pattern is what failed.
    expect(Environment).toMatchObject({
      violation_type: "invalid_format",
      allowed_values: null,
      validation_regex: "^prod",
    });
  });

  it("invalid_value carries the allowed values and no pattern", () => {
    const { Environment } = byTag({ Owner: "jane@acme.io", Environment: "prod" });
    expect(Environment?.violation_type).toBe("invalid_value");
    expect(Environment?.allowed_values).toEqual(["production", "test"]);
    expect(Environment?.validation_regex).toBeUndefined();
  });

  it("missing_required_tag carries the allowed values, and the pattern a new value must match", () => {
    const { Owner, Environment } = byTag({});
    expect(Owner).toMatchObject({ allowed_values: null, validation_regex: "^[a-z]+@acme\\.io$" });
    expect(Environment).toMatchObject({ allowed_values: ["production", "test"], validation_regex: "^prod" });
  });

  it("the violations CSV can show the pattern beside the (empty) allowed values", () => {
    const violations = validateResource(resource({ Owner: "Jane", Environment: "production" }), policy);
    const { csv } = exportViolationsCsv({
      violations,
      columns: ["tag_name", "violation_type", "allowed_values", "validation_regex"],
    });
    expect(csv).toBe(
      "tag_name,violation_type,allowed_values,validation_regex\r\nOwner,invalid_format,,^[a-z]+@acme\\.io$\r\n",
    );
  });
});
