import { describe, expect, it } from "vitest";
import { baselineFromResources, policyTagKeys } from "../../src/drift/baseline";
import { compareDrift } from "../../src/drift/compare";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [
    { name: "Owner", description: "" },
    { name: "Environment", description: "", allowed_values: ["prod", "dev"] },
    { name: "Backup", description: "", applies_to: ["rds:db"], allowed_values: ["daily"] },
  ],
  optional_tags: [{ name: "Project", description: "" }],
};
const EC2 = "arn:aws:ec2:us-east-1:111111111111:instance/i-1";
const EC2B = "arn:aws:ec2:eu-west-1:111111111111:instance/i-2";
const RDS = "arn:aws:rds:us-east-1:111111111111:db:orders";
const BUCKET = "arn:aws:s3:::logs";

describe("compareDrift", () => {
  it("reports added, removed and changed values with severities, ordered by ARN then tag", () => {
    const result = compareDrift({
      policy,
      tagKeys: ["Owner", "Environment", "Backup", "Project"],
      baseline: {
        [EC2]: { Owner: "ann", Environment: "prod", Project: "p1", Backup: "daily" },
        [RDS]: { Backup: "daily", Environment: "prod" },
        [BUCKET]: {},
      },
      current: {
        [BUCKET]: { Owner: "bob" },
        [RDS]: { Environment: "dev" },
        [EC2]: { Owner: "carl", Environment: "staging", Project: "p2" },
      },
    });
    expect(result.changes).toEqual([
      {
        resource_arn: EC2,
        tag_key: "Backup",
        change_type: "removed",
        old_value: "daily",
        new_value: null,
        severity: "info",
      },
      {
        resource_arn: EC2,
        tag_key: "Environment",
        change_type: "changed",
        old_value: "prod",
        new_value: "staging",
        severity: "warning",
      },
      {
        resource_arn: EC2,
        tag_key: "Owner",
        change_type: "changed",
        old_value: "ann",
        new_value: "carl",
        severity: "info",
      },
      {
        resource_arn: EC2,
        tag_key: "Project",
        change_type: "changed",
        old_value: "p1",
        new_value: "p2",
        severity: "info",
      },
      {
        resource_arn: RDS,
        tag_key: "Backup",
        change_type: "removed",
        old_value: "daily",
        new_value: null,
        severity: "critical",
      },
      {
        resource_arn: RDS,
        tag_key: "Environment",
        change_type: "changed",
        old_value: "prod",
        new_value: "dev",
        severity: "info",
      },
      {
        resource_arn: BUCKET,
        tag_key: "Owner",
        change_type: "added",
        old_value: null,
        new_value: "bob",
        severity: "info",
      },
    ]);
    expect(result.summary).toEqual({ added: 1, removed: 2, changed: 4, critical: 1, warning: 1, info: 5 });
    expect(result.resources_compared).toBe(3);
  });

  it("marks a removed required tag critical and an optional one info", () => {
    const result = compareDrift({
      policy,
      tagKeys: ["Owner", "Project"],
      baseline: { [EC2]: { Owner: "a", Project: "p" } },
      current: { [EC2]: {} },
    });
    expect(result.changes.map((c) => [c.tag_key, c.change_type, c.severity])).toEqual([
      ["Owner", "removed", "critical"],
      ["Project", "removed", "info"],
    ]);
  });

  it("monitors the required tags by default and ignores other keys", () => {
    const result = compareDrift({
      policy,
      baseline: { [EC2]: { Project: "p", Owner: "a", Other: "x" } },
      current: { [EC2]: { Owner: "a" } },
    });
    expect(result.changes).toEqual([]);
    expect(result.summary).toEqual({ added: 0, removed: 0, changed: 0, critical: 0, warning: 0, info: 0 });
  });

  it("treats an empty value as a value: '' -> 'x' is a change, removal of '' is a removal", () => {
    const result = compareDrift({
      policy,
      baseline: { [EC2]: { Owner: "", Environment: "" } },
      current: { [EC2]: { Owner: "x" } },
    });
    expect(
      result.changes.map((c) => [c.tag_key, c.change_type, c.old_value, c.new_value, c.severity]),
    ).toEqual([
      ["Environment", "removed", "", null, "critical"],
      ["Owner", "changed", "", "x", "info"],
    ]);
  });

  it("does not call new or vanished resources drift, but lists them", () => {
    const result = compareDrift({
      policy,
      baseline: { [EC2]: { Owner: "a" }, [EC2B]: { Owner: "b" } },
      current: { [EC2]: { Owner: "a" }, [RDS]: {} },
    });
    expect(result.changes).toEqual([]);
    expect(result.resources_compared).toBe(1);
    expect(result.new_resource_arns).toEqual([RDS]);
    expect(result.missing_resource_arns).toEqual([EC2B]);
  });

  it("uses every required tag when the ARN names no catalog type", () => {
    const odd = "arn:aws:iam::111111111111:role/x";
    const result = compareDrift({ policy, baseline: { [odd]: { Backup: "daily" } }, current: { [odd]: {} } });
    expect(result.changes.map((c) => c.severity)).toEqual(["critical"]);
  });
});

describe("baselineFromResources", () => {
  const res = (arn: string, tags: Record<string, string>): Resource => ({
    arn,
    id: "x",
    type: "ec2:instance",
    region: "us-east-1",
    account_id: "111111111111",
    tags,
  });

  it("keeps only the given keys, every resource once (first wins), even with no key", () => {
    const baseline = baselineFromResources(
      [
        res(EC2, { Owner: "a", Secret: "s", Project: "" }),
        res(EC2B, { Name: "n" }),
        res(EC2, { Owner: "dup" }),
      ],
      policyTagKeys(policy),
    );
    expect(baseline).toEqual({ [EC2]: { Owner: "a", Project: "" }, [EC2B]: {} });
  });

  it("lists the policy's keys, required first, each once", () => {
    expect(
      policyTagKeys({
        ...policy,
        optional_tags: [
          { name: "Owner", description: "" },
          { name: "Team", description: "" },
        ],
      }),
    ).toEqual(["Owner", "Environment", "Backup", "Team"]);
  });
});
