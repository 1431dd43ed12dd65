// Issue 11: tag policies read as AWS Organizations reads them.
// - The tag key is the value of tag_key, as `{ "@@assign": "CostCenter" }` or as a bare string; it
//   must equal the policy key except in case. Without tag_key, AWS requires the lowercase key.
// - enforced_for only decides which operations AWS blocks; a key without it is still part of the
//   policy and evaluated for compliance, so the import keeps it required (on every scanned type),
//   and says so.
import { describe, expect, it } from "vitest";
import { convertAwsTagPolicy } from "../../src/orgs/convert";

const entry = (key: string) => `Imported from AWS Organizations tag policy (entry "${key}")`;

describe("tag_key, in either form", () => {
  it.each([
    ["a bare string", "CostCenter"],
    ["an @@assign", { "@@assign": "CostCenter" }],
  ])("takes the key from tag_key given as %s", (_, tagKey) => {
    const result = convertAwsTagPolicy({
      tags: {
        costcenter: {
          tag_key: tagKey,
          tag_value: { "@@assign": ["100", "200"] },
          enforced_for: { "@@assign": ["ec2:instance"] },
        },
      },
    });
    expect(result.policy.required_tags).toEqual([
      {
        name: "CostCenter",
        description: entry("costcenter"),
        allowed_values: ["100", "200"],
        validation_regex: null,
        applies_to: ["ec2:instance"],
      },
    ]);
    expect(result.policy.optional_tags).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("keeps tag_key's value but warns when it is not the policy key in another case (AWS refuses that)", () => {
    const result = convertAwsTagPolicy({
      tags: { costcenter: { tag_key: "Owner", enforced_for: { "@@assign": ["ec2:instance"] } } },
    });
    expect(result.policy.required_tags.map((tag) => tag.name)).toEqual(["Owner"]);
    expect(result.warnings).toEqual([
      'tag_key "Owner" of "costcenter" does not match its policy key (AWS requires the same key in any case); "Owner" is used',
    ]);
  });

  it("uses the lowercase policy key when tag_key is absent, as AWS's default case treatment", () => {
    const result = convertAwsTagPolicy({
      tags: { CostCenter: { enforced_for: { "@@assign": ["ec2:instance"] } } },
    });
    expect(result.policy.required_tags.map((tag) => tag.name)).toEqual(["costcenter"]);
    expect(result.notes).toContain(
      '"CostCenter" has no tag_key: AWS requires the key in lowercase ("costcenter"), so that is the tag imported',
    );
  });
});

describe("keys without enforced_for", () => {
  const result = convertAwsTagPolicy({
    tags: {
      costcenter: { tag_key: { "@@assign": "CostCenter" }, tag_value: { "@@assign": ["100", "200"] } },
      owner: { tag_key: "Owner", enforced_for: { "@@assign": ["s3:bucket"] } },
    },
  });

  it("stay required, on every scanned resource type, with their allowed values", () => {
    expect(result.policy.required_tags).toEqual([
      {
        name: "CostCenter",
        description: entry("costcenter"),
        allowed_values: ["100", "200"],
        validation_regex: null,
        applies_to: null,
      },
      {
        name: "Owner",
        description: entry("owner"),
        allowed_values: null,
        validation_regex: null,
        applies_to: ["s3:bucket"],
      },
    ]);
    expect(result.policy.optional_tags).toEqual([]);
  });

  it("are reported, so the reader can narrow applies_to", () => {
    expect(result.warnings).toEqual([
      '"CostCenter" is enforced for no resource type (enforced_for and report_required_tag_for are absent or empty): AWS still evaluates it for compliance on every resource type, so it is imported as required on every scanned type; narrow its applies_to if it should cover fewer',
    ]);
  });
});
