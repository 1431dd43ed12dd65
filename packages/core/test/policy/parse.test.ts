import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../src/policy/default";
import { formatPolicyIssue } from "../../src/policy/issues";
import { parsePolicy } from "../../src/policy/parse";
import fixture from "../fixtures/tagging_policy.json" with { type: "json" };

const FREE = (type: string) =>
  `${type} is a free resource type (no direct cost) and is never scanned; remove it from applies_to`;
const UNKNOWN_RDS = "rds:db-instance is not a known resource type; known rds types: rds:db, rds:cluster";

const tag = (overrides: Record<string, unknown> = {}) => ({
  name: "Owner",
  description: "who",
  ...overrides,
});
const policyWith = (...required: unknown[]) => ({ version: "1", required_tags: required, optional_tags: [] });

function errorsOf(input: unknown) {
  const result = parsePolicy(input);
  if (result.ok) throw new Error("expected the policy to be rejected");
  return result.errors;
}

function loaded(input: unknown) {
  const result = parsePolicy(input);
  if (!result.ok) throw new Error(result.errors.map(formatPolicyIssue).join("\n"));
  return result;
}

/** The shipped fixture without its unknown and free types. */
function cleanedFixture() {
  const drop = new Set(["rds:db-instance", "ec2:vpc", "ec2:subnet", "ec2:security-group"]);
  return {
    ...fixture,
    required_tags: fixture.required_tags.map((t) => ({
      ...t,
      applies_to: t.applies_to.filter((x) => !drop.has(x)),
    })),
  };
}

describe("parsePolicy on the shipped fixture", () => {
  it("reports exactly its unknown type (twice) and its three free types (twice), with paths", () => {
    expect(errorsOf(fixture)).toEqual([
      { path: "required_tags[0].applies_to[1]", message: UNKNOWN_RDS },
      { path: "required_tags[1].applies_to[1]", message: UNKNOWN_RDS },
      { path: "required_tags[1].applies_to[23]", message: FREE("ec2:vpc") },
      { path: "required_tags[1].applies_to[24]", message: FREE("ec2:subnet") },
      { path: "required_tags[1].applies_to[25]", message: FREE("ec2:security-group") },
      { path: "required_tags[2].applies_to[22]", message: FREE("ec2:vpc") },
      { path: "required_tags[2].applies_to[23]", message: FREE("ec2:subnet") },
      { path: "required_tags[2].applies_to[24]", message: FREE("ec2:security-group") },
    ]);
  });

  it("loads the cleaned copy without warnings, keeping order and values", () => {
    const { policy, warnings } = loaded(cleanedFixture());
    expect(warnings).toEqual([]);
    expect(policy.version).toBe("1.0");
    expect(policy.last_updated).toBe("2026-01-09T09:36:02.552Z");
    expect(policy.required_tags.map((t) => [t.name, t.applies_to?.length])).toEqual([
      ["Owner", 19],
      ["Environment", 22],
      ["Application", 24],
    ]);
    expect(policy.required_tags[1]?.allowed_values).toEqual(["production", "staging", "development", "test"]);
    expect(policy.optional_tags.map((t) => t.name)).toEqual(["Project", "CostCenter"]);
    expect(policy.tag_naming_rules).toEqual({
      case_sensitivity: false,
      allow_special_characters: false,
      max_key_length: 128,
      max_value_length: 256,
    });
  });

  it("formats an issue as path: message", () => {
    expect(formatPolicyIssue({ path: "required_tags[0].applies_to[1]", message: "m" })).toBe(
      "required_tags[0].applies_to[1]: m",
    );
    expect(formatPolicyIssue({ path: "", message: "m" })).toBe("m");
  });
});

describe("parsePolicy rejects", () => {
  it.each([
    ["a missing version", { required_tags: [] }, [{ path: "version", message: "version is required" }]],
    [
      "a numeric version",
      { version: 1, required_tags: [] },
      [{ path: "version", message: "version must be a string" }],
    ],
    [
      "an empty version",
      { version: "", required_tags: [] },
      [{ path: "version", message: "version must not be empty" }],
    ],
    [
      "a required tag without description",
      policyWith({ name: "Owner" }),
      [{ path: "required_tags[0].description", message: "description is required" }],
    ],
    [
      "a required tag without name",
      policyWith({ description: "d" }),
      [{ path: "required_tags[0].name", message: "name is required" }],
    ],
    [
      "a tag name over the AWS key limit",
      policyWith(tag({ name: "k".repeat(129) })),
      [
        {
          path: "required_tags[0].name",
          message: "name must be at most 128 characters (the AWS tag key limit)",
        },
      ],
    ],
    [
      "a misspelt field, which would otherwise widen the rule to every type",
      policyWith(tag({ "applies-to": ["ec2:instance"] })),
      [{ path: "required_tags[0].applies-to", message: 'unknown field "applies-to"' }],
    ],
    [
      "an unknown top-level field",
      { version: "1", required_tags: [], extra: true },
      [{ path: "extra", message: 'unknown field "extra"' }],
    ],
    [
      "a duplicate required tag",
      policyWith(tag(), tag()),
      [
        {
          path: "required_tags[1].name",
          message: 'duplicate required tag "Owner" (already required_tags[0])',
        },
      ],
    ],
    [
      "a regex JavaScript cannot compile",
      policyWith(tag({ validation_regex: "[a-z" })),
      [
        {
          path: "required_tags[0].validation_regex",
          message: "invalid validation_regex: Unterminated character class",
        },
      ],
    ],
    [
      "a Python named group",
      policyWith(tag({ validation_regex: "(?P<user>\\w+)@" })),
      [
        {
          path: "required_tags[0].validation_regex",
          message: "invalid validation_regex: Invalid group; write Python's (?P<name>...) as (?<name>...)",
        },
      ],
    ],
    [
      "a Python inline flag",
      policyWith(tag({ validation_regex: "(?i)prod" })),
      [{ path: "required_tags[0].validation_regex", message: "invalid validation_regex: Invalid group" }],
    ],
    [
      "Python's \\A anchor, which JavaScript would read as the letter A",
      policyWith(tag({ validation_regex: "\\Aprod" })),
      [
        {
          path: "required_tags[0].validation_regex",
          message:
            "invalid validation_regex: \\A means something else in JavaScript than in Python; use ^ instead",
        },
      ],
    ],
    [
      "Python's \\Z anchor",
      policyWith(tag({ validation_regex: "prod\\Z" })),
      [
        {
          path: "required_tags[0].validation_regex",
          message:
            "invalid validation_regex: \\Z means something else in JavaScript than in Python; use $ instead",
        },
      ],
    ],
    [
      "an unknown type with no known sibling",
      policyWith(tag({ applies_to: ["ec2:instance", "foo:bar"] })),
      [{ path: "required_tags[0].applies_to[1]", message: "foo:bar is not a known resource type" }],
    ],
    [
      "a free type",
      policyWith(tag({ applies_to: ["sns:topic"] })),
      [{ path: "required_tags[0].applies_to[0]", message: FREE("sns:topic") }],
    ],
    [
      "a non-object document",
      "not a policy",
      [{ path: "", message: "Invalid input: expected object, received string" }],
    ],
  ])("%s", (_label, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it("reports every problem of one document at once", () => {
    const errors = errorsOf({
      required_tags: [{ name: "A", applies_to: ["nope:x"], validation_regex: "(" }],
    });
    expect(errors.map((e) => e.path)).toEqual([
      "version",
      "required_tags[0].description",
      "required_tags[0].validation_regex",
      "required_tags[0].applies_to[0]",
    ]);
  });

  it("accepts a literal backslash followed by A (only \\A itself is Python-only)", () => {
    expect(loaded(policyWith(tag({ validation_regex: "x\\\\A" }))).warnings).toEqual([]);
  });
});

describe("parsePolicy normalises", () => {
  it("treats missing, null and empty applies_to alike, as []", () => {
    for (const appliesTo of [undefined, null, []]) {
      expect(loaded(policyWith(tag({ applies_to: appliesTo }))).policy.required_tags[0]?.applies_to).toEqual(
        [],
      );
    }
  });

  it("defaults optional_tags to [] and an optional description to ''", () => {
    expect(loaded({ version: "1", required_tags: [] }).policy.optional_tags).toEqual([]);
    const { policy } = loaded({ version: "1", required_tags: [], optional_tags: [{ name: "Team" }] });
    expect(policy.optional_tags).toEqual([{ name: "Team", description: "", allowed_values: null }]);
  });

  it("warns about and fixes what keeps its meaning", () => {
    const { policy, warnings } = loaded({
      version: "1",
      required_tags: [
        tag({ allowed_values: [], validation_regex: "" }),
        tag({
          name: "Env",
          allowed_values: ["prod", "prod", "Dev"],
          validation_regex: "[a-z]+$",
          applies_to: ["ec2:instance", "s3:bucket", "ec2:instance"],
        }),
      ],
      optional_tags: [
        { name: "Owner", description: "" },
        { name: "Team", description: "" },
        { name: "Team", description: "again" },
      ],
    });
    expect(warnings).toEqual([
      {
        path: "required_tags[0].allowed_values",
        message: "allowed_values is empty, so any value is allowed",
      },
      { path: "required_tags[0].validation_regex", message: "validation_regex is empty and is ignored" },
      { path: "required_tags[1].allowed_values[1]", message: 'duplicate allowed value "prod" removed' },
      {
        path: "required_tags[1].allowed_values[1]",
        message: '"Dev" does not match validation_regex, so resources using it get an invalid_format warning',
      },
      { path: "required_tags[1].applies_to[2]", message: 'duplicate resource type "ec2:instance" removed' },
      {
        path: "optional_tags[0].name",
        message: '"Owner" is also a required tag; the optional entry is removed',
      },
      { path: "optional_tags[2].name", message: 'duplicate optional tag "Team" removed' },
    ]);
    expect(policy.required_tags[0]).toEqual({
      name: "Owner",
      description: "who",
      allowed_values: null,
      validation_regex: null,
      applies_to: [],
    });
    expect(policy.required_tags[1]?.allowed_values).toEqual(["prod", "Dev"]);
    expect(policy.required_tags[1]?.applies_to).toEqual(["ec2:instance", "s3:bucket"]);
    expect(policy.optional_tags).toEqual([{ name: "Team", description: "", allowed_values: null }]);
  });
});

describe("DEFAULT_POLICY", () => {
  it("is the spec's default and loads cleanly", () => {
    const { policy, warnings } = loaded(DEFAULT_POLICY);
    expect(warnings).toEqual([]);
    expect(policy.required_tags.map((t) => t.name)).toEqual(["Owner", "Environment", "Application"]);
    expect(policy.required_tags.every((t) => t.applies_to?.length === 0)).toBe(true);
    expect(policy.required_tags[1]?.allowed_values).toEqual(["production", "staging", "development", "test"]);
    expect(policy.optional_tags.map((t) => t.name)).toEqual(["Project", "CostCenter"]);
  });

  it("is frozen, because every tenant shares it", () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY.required_tags[1]?.allowed_values)).toBe(true);
    expect(() => DEFAULT_POLICY.required_tags.push(tag())).toThrow(TypeError);
  });
});
