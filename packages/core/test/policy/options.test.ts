// The issue 11 policy options: key_matching, value_aliases, alias_treatment and exclusions parse,
// are rejected with a path when wrong, and leave a policy that does not use them unchanged.
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/policy/parse";
import { serializePolicy } from "../../src/policy/serialize";

const env = {
  name: "Environment",
  description: "",
  allowed_values: ["production", "staging"],
};
const doc = (extra: Record<string, unknown>, tag: Record<string, unknown> = {}) => ({
  version: "1",
  required_tags: [{ ...env, ...tag }],
  ...extra,
});
const errorsOf = (input: unknown) => {
  const result = parsePolicy(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
};

describe("policy options (issue 11)", () => {
  it("accepts every option and keeps it in the canonical policy", () => {
    const result = parsePolicy(
      doc(
        {
          key_matching: "case_insensitive",
          exclusions: [{ arn_pattern: "arn:aws:s3:::cdk-*" }, { tag: { key: "ManagedBy", value: "vendor" } }],
        },
        {
          key_matching: "exact",
          value_aliases: { production: ["Prod", "prd"] },
          alias_treatment: "violation",
        },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.key_matching).toBe("case_insensitive");
    expect(result.policy.exclusions).toEqual([
      { arn_pattern: "arn:aws:s3:::cdk-*" },
      { tag: { key: "ManagedBy", value: "vendor" } },
    ]);
    expect(result.policy.required_tags[0]).toMatchObject({
      key_matching: "exact",
      value_aliases: { production: ["Prod", "prd"] },
      alias_treatment: "violation",
    });
  });

  it("serialises a policy without the options exactly as before they existed", () => {
    const result = parsePolicy(doc({}));
    expect(result.ok && JSON.parse(serializePolicy(result.policy))).toEqual({
      version: "1",
      last_updated: null,
      required_tags: [{ ...env, validation_regex: null, applies_to: [] }],
      optional_tags: [],
      tag_naming_rules: null,
    });
  });

  it.each([
    [doc({ key_matching: "loose" }), 'key_matching: key_matching must be "exact" or "case_insensitive"'],
    [
      doc({}, { key_matching: "CASE" }),
      'required_tags[0].key_matching: key_matching must be "exact" or "case_insensitive"',
    ],
    [
      doc({}, { value_aliases: { prod: ["Prod"] } }),
      'required_tags[0].value_aliases.prod: "prod" is not an allowed value, so nothing can be aliased to it',
    ],
    [
      doc({}, { value_aliases: { production: ["staging"] } }),
      'required_tags[0].value_aliases.production[0]: "staging" is an accepted value and cannot be an alias',
    ],
    [
      doc({}, { value_aliases: { production: ["P"], staging: ["P"] } }),
      'required_tags[0].value_aliases.staging[0]: "P" is already an alias of "production"',
    ],
    [
      doc({}, { alias_treatment: "ignore" }),
      'required_tags[0].alias_treatment: alias_treatment must be "warning" or "violation"',
    ],
    [
      doc({ exclusions: [{ arn: "x" }] }),
      "exclusions[0]: an exclusion is { arn_pattern } or { tag: { key, value? } }",
    ],
    [doc({ exclusions: [{ arn_pattern: "" }] }), "exclusions[0].arn_pattern: arn_pattern must not be empty"],
  ])("rejects %j", (input, message) => {
    expect(errorsOf(input)).toContain(message);
  });
});
