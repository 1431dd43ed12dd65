import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COST_GENERATING_TYPES } from "../../src/catalog";
import { allApplicableResourceTypes, applicableRequiredTags } from "../../src/policy/applicable";
import { DEFAULT_POLICY } from "../../src/policy/default";
import { parsePolicy } from "../../src/policy/parse";
import { serializePolicy } from "../../src/policy/serialize";
import { summarizePolicy } from "../../src/policy/summary";
import type { TaggingPolicy } from "../../src/policy/types";

const policy: TaggingPolicy = {
  version: "2",
  required_tags: [
    { name: "Owner", description: "", applies_to: ["s3:bucket", "ec2:instance"] },
    { name: "Env", description: "", allowed_values: ["a"], applies_to: ["ec2:instance"] },
    { name: "Team", description: "", validation_regex: "[a-z]", applies_to: ["rds:db", "ec2:vpc"] },
  ],
  optional_tags: [{ name: "Project", description: "" }],
};

describe("applicableRequiredTags", () => {
  it("keeps policy order and only the tags naming the type", () => {
    expect(applicableRequiredTags(policy, "ec2:instance").map((t) => t.name)).toEqual(["Owner", "Env"]);
    expect(applicableRequiredTags(policy, "s3:bucket").map((t) => t.name)).toEqual(["Owner"]);
    expect(applicableRequiredTags(policy, "lambda:function")).toEqual([]);
  });

  it("applies a tag with missing, null or empty applies_to to every type", () => {
    for (const applies_to of [undefined, null, []]) {
      const p: TaggingPolicy = { ...policy, required_tags: [{ name: "X", description: "", applies_to }] };
      expect(applicableRequiredTags(p, "kms:key").map((t) => t.name)).toEqual(["X"]);
    }
  });
});

describe("allApplicableResourceTypes", () => {
  it("lists the scannable named types in catalog order, dropping free types", () => {
    expect(allApplicableResourceTypes(policy)).toEqual(["ec2:instance", "s3:bucket", "rds:db"]);
  });

  it("is every cost-generating type when a required tag applies to all", () => {
    expect(allApplicableResourceTypes(DEFAULT_POLICY)).toEqual([...COST_GENERATING_TYPES]);
    expect(allApplicableResourceTypes(DEFAULT_POLICY)).toHaveLength(50);
  });

  it("is empty for a policy without required tags", () => {
    expect(allApplicableResourceTypes({ version: "1", required_tags: [], optional_tags: [] })).toEqual([]);
  });
});

describe("summarizePolicy", () => {
  it("counts the issue 11 options", () => {
    expect(
      summarizePolicy({
        ...policy,
        key_matching: "case_insensitive",
        required_tags: policy.required_tags.map((tag, index) =>
          index === 0 ? { ...tag, key_matching: "exact", value_aliases: { a: ["A"] } } : tag,
        ),
        exclusions: [{ arn_pattern: "arn:aws:s3:::cdk-*" }, { tag: { key: "Skip" } }],
      }),
    ).toMatchObject({
      key_matching: "case_insensitive",
      required_with_key_matching_override: 1,
      required_with_value_aliases: 1,
      exclusion_count: 2,
    });
  });

  it("counts the policy", () => {
    expect(summarizePolicy(policy)).toEqual({
      required_tag_count: 3,
      optional_tag_count: 1,
      required_with_allowed_values: 1,
      required_with_validation_regex: 1,
      required_for_all_types: 0,
      applicable_resource_type_count: 3,
      key_matching: "exact",
      required_with_key_matching_override: 0,
      required_with_value_aliases: 0,
      exclusion_count: 0,
    });
    expect(summarizePolicy(DEFAULT_POLICY)).toEqual({
      required_tag_count: 3,
      optional_tag_count: 2,
      required_with_allowed_values: 1,
      required_with_validation_regex: 0,
      required_for_all_types: 3,
      applicable_resource_type_count: 50,
      key_matching: "exact",
      required_with_key_matching_override: 0,
      required_with_value_aliases: 0,
      exclusion_count: 0,
    });
  });
});

describe("serializePolicy", () => {
  it("writes every field in a fixed order, whatever the input's key order", () => {
    const shuffled = {
      optional_tags: [],
      required_tags: [{ applies_to: null, description: "d", name: "A" }],
      version: "3",
    } as TaggingPolicy;
    expect(JSON.parse(serializePolicy(shuffled))).toEqual({
      version: "3",
      last_updated: null,
      required_tags: [
        { name: "A", description: "d", allowed_values: null, validation_regex: null, applies_to: [] },
      ],
      optional_tags: [],
      tag_naming_rules: null,
    });
    expect(Object.keys(JSON.parse(serializePolicy(shuffled)))).toEqual([
      "version",
      "last_updated",
      "required_tags",
      "optional_tags",
      "tag_naming_rules",
    ]);
  });

  const values = fc.option(
    fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  );
  const arbitraryPolicy = fc.record({
    version: fc.string({ minLength: 1, maxLength: 5 }),
    last_updated: fc.option(fc.constant("2026-01-09T09:36:02.552Z")),
    required_tags: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("Owner", "Env", "Team", "App", "Cost Center", "k:v"),
        description: fc.string({ maxLength: 10 }),
        allowed_values: values,
        validation_regex: fc.option(fc.constantFrom("[a-z]", "^prod$", "\\d+|x")),
        applies_to: fc.uniqueArray(fc.constantFrom(...COST_GENERATING_TYPES), { maxLength: 4 }),
      }),
      { selector: (t) => t.name, maxLength: 4 },
    ),
    optional_tags: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("Project", "CostCenter"),
        description: fc.string(),
        allowed_values: values,
      }),
      { selector: (t) => t.name },
    ),
    tag_naming_rules: fc.option(
      fc.record({
        case_sensitivity: fc.boolean(),
        allow_special_characters: fc.boolean(),
        max_key_length: fc.integer({ min: 1, max: 128 }),
        max_value_length: fc.integer({ min: 0, max: 256 }),
      }),
    ),
  });

  it("round-trips through parsePolicy unchanged (property)", () => {
    fc.assert(
      fc.property(arbitraryPolicy, (p) => {
        const text = serializePolicy(p);
        const reparsed = parsePolicy(JSON.parse(text));
        expect(reparsed.ok).toBe(true);
        if (reparsed.ok) expect(serializePolicy(reparsed.policy)).toBe(text);
      }),
    );
  });
});
