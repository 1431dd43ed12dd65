import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COST_GENERATING_TYPES, FREE_TYPES, isCostGeneratingType } from "../../src/catalog";
import { CoreInputError } from "../../src/errors";
import { convertAwsTagPolicy } from "../../src/orgs/convert";
import example from "./aws_tag_policy_example.json" with { type: "json" };

const NOENF = (name: string) =>
  `"${name}" is enforced for no resource type (enforced_for and report_required_tag_for are absent or empty): AWS still evaluates it for compliance on every resource type, so it is imported as required on every scanned type; narrow its applies_to if it should cover fewer`;
const entry = (key: string) => `Imported from AWS Organizations tag policy (entry "${key}")`;

describe("convertAwsTagPolicy: the example policy", () => {
  const expected = {
    policy: {
      version: "1.0",
      last_updated: null,
      required_tags: [
        {
          name: "CostCenter",
          description: entry("costcenter"),
          allowed_values: ["Engineering", "Marketing", "Sales", "Operations"],
          validation_regex: null,
          applies_to: ["ec2:instance", "rds:db", "s3:bucket"],
        },
        {
          name: "Environment",
          description: entry("environment"),
          allowed_values: ["production", "staging", "development", "test"],
          validation_regex: null,
          applies_to: ["ec2:instance", "rds:db", "lambda:function"],
        },
        {
          name: "Owner",
          description: entry("owner"),
          allowed_values: null,
          validation_regex: null,
          applies_to: ["ec2:instance", "s3:bucket"],
        },
      ],
      optional_tags: [],
    },
    warnings: [],
    notes: [],
  };

  it("converts the parsed document", () => {
    expect(convertAwsTagPolicy(example)).toEqual(expected);
  });

  it("converts the JSON string DescribePolicy returns, with the given version and time", () => {
    const result = convertAwsTagPolicy(JSON.stringify(example), {
      version: "2.0",
      now: new Date("2026-01-02T03:04:05Z"),
    });
    expect(result.policy).toEqual({
      ...expected.policy,
      version: "2.0",
      last_updated: "2026-01-02T03:04:05.000Z",
    });
  });
});

describe("convertAwsTagPolicy: edge cases", () => {
  it("keeps wildcard values out and warns about them", () => {
    const result = convertAwsTagPolicy({
      tags: {
        env: {
          tag_key: { "@@assign": "Env" },
          tag_value: { "@@assign": ["prod*", "dev", "dev", "test", "prod*"] },
        },
        team: { tag_value: { "@@assign": ["*-eng", "ops*"] } },
      },
    });
    // Issue 11: without enforced_for a tag stays required (on every scanned type), no longer optional.
    const required = (name: string, key: string, allowed: string[] | null) => ({
      name,
      description: entry(key),
      allowed_values: allowed,
      validation_regex: null,
      applies_to: null,
    });
    expect(result.policy.required_tags).toEqual([
      required("Env", "env", ["dev", "test"]),
      required("team", "team", null),
    ]);
    expect(result.warnings).toEqual([
      '"Env": wildcard values "prod*" cannot be checked as exact values; values they match will be reported invalid unless added as exact values',
      NOENF("Env"),
      '"team": wildcard values "*-eng", "ops*" cannot be checked as exact values; the tag accepts any value',
      NOENF("team"),
    ]);
  });

  it("expands ALL_SUPPORTED and service:* with the catalog's types, AWS names mapped", () => {
    const result = convertAwsTagPolicy({
      tags: {
        a: { enforced_for: { "@@assign": ["ec2:ALL_SUPPORTED", "rds:*"] } },
        b: {
          enforced_for: {
            "@@assign": [
              "es:domain",
              "states:stateMachine",
              "elasticmapreduce:*",
              "elasticloadbalancing:loadbalancer/app",
            ],
          },
        },
        c: { enforced_for: { "@@assign": ["S3:Bucket", "s3:bucket", "s3:ALL_SUPPORTED"] } },
      },
    });
    expect(result.policy.required_tags.map((tag) => [tag.name, tag.applies_to])).toEqual([
      [
        "a",
        [
          "ec2:instance",
          "ec2:volume",
          "ec2:elastic-ip",
          "ec2:snapshot",
          "ec2:natgateway",
          "ec2:vpc-endpoint",
          "rds:db",
          "rds:cluster",
        ],
      ],
      [
        "b",
        [
          "opensearch:domain",
          "stepfunctions:statemachine",
          "emr:cluster",
          "elasticloadbalancing:loadbalancer",
        ],
      ],
      ["c", ["s3:bucket"]],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("reports free and unknown types, and makes a tag enforced on nothing scannable optional", () => {
    const result = convertAwsTagPolicy({
      tags: {
        owner: {
          tag_key: { "@@assign": "Owner" },
          enforced_for: { "@@assign": ["ec2:instance", "ec2:vpc", "dynamo:table", "sqs:ALL_SUPPORTED"] },
        },
        queue: { tag_key: { "@@assign": "Queue" }, enforced_for: { "@@assign": ["sqs:queue"] } },
      },
    });
    expect(result.policy.required_tags.map((tag) => [tag.name, tag.applies_to])).toEqual([
      ["Owner", ["ec2:instance"]],
    ]);
    expect(result.policy.optional_tags).toEqual([
      { name: "Queue", description: entry("queue"), allowed_values: null },
    ]);
    expect(result.warnings).toEqual([
      '"Owner": "ec2:vpc" is a free resource type (no direct cost) and is never scanned; left out of applies_to',
      '"Owner": "dynamo:table" is not a known resource type; left out of applies_to',
      '"Owner": "sqs:ALL_SUPPORTED" names no scannable resource type of service "sqs"; left out of applies_to',
      '"Queue": "sqs:queue" is a free resource type (no direct cost) and is never scanned; left out of applies_to',
      '"Queue" is enforced on no scannable resource type, so it is imported as optional',
    ]);
  });

  it("ignores inheritance operators with a note", () => {
    const result = convertAwsTagPolicy({
      tags: {
        "@@operators_allowed_for_child_policies": ["@@none"],
        costcenter: {
          "@@operators_allowed_for_child_policies": ["@@none"],
          tag_key: { "@@assign": "CostCenter", "@@operators_allowed_for_child_policies": ["@@none"] },
          tag_value: { "@@append": ["Legal"], "@@assign": ["Sales"] },
          enforced_for: { "@@remove": ["ec2:volume"], "@@assign": ["ec2:instance"] },
        },
      },
    });
    expect(result.policy.required_tags).toEqual([
      {
        name: "CostCenter",
        description: entry("costcenter"),
        allowed_values: ["Sales"],
        validation_regex: null,
        applies_to: ["ec2:instance"],
      },
    ]);
    expect(result.notes).toEqual([
      "@@operators_allowed_for_child_policies on the tags map ignored: it only limits what child policies may change",
      "@@operators_allowed_for_child_policies ignored: it only limits what child policies may change",
      "@@append ignored: only @@assign values are imported, so an account's effective policy may differ",
      "@@remove ignored: only @@assign values are imported, so an account's effective policy may differ",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("accepts plain lists and report_required_tag_for, and keeps the first of two entries for one tag", () => {
    const result = convertAwsTagPolicy({
      tags: {
        env: {
          tag_key: "Env",
          tag_value: ["a", "b", "a"],
          report_required_tag_for: { "@@assign": ["lambda:function"] },
        },
        environment: { tag_key: { "@@assign": "Env" }, enforced_for: { "@@assign": ["ec2:instance"] } },
      },
    });
    expect(result.policy.required_tags).toEqual([
      {
        name: "Env",
        description: entry("env"),
        allowed_values: ["a", "b"],
        validation_regex: null,
        applies_to: ["lambda:function"],
      },
    ]);
    expect(result.warnings).toEqual([
      // Issue 11: AWS requires tag_key to be the policy key in another case.
      'tag_key "Env" of "environment" does not match its policy key (AWS requires the same key in any case); "Env" is used',
      'entry "environment" skipped: tag "Env" is already defined by an earlier entry',
    ]);
  });

  it("falls back to the map key and warns about malformed parts", () => {
    const result = convertAwsTagPolicy({
      extra: 1,
      tags: {
        project: {
          tag_key: { "@@assign": "" },
          tag_value: { "@@assign": "only" },
          enforced_for: { "@@assign": 7 },
          mode: "x",
        },
        broken: "not an object",
        mixed: { tag_value: { "@@assign": ["ok", 3, null] } },
        " ": { tag_key: { "@@assign": " " } },
      },
    });
    expect(result.policy.optional_tags).toEqual([]);
    expect(result.policy.required_tags.map((tag) => [tag.name, tag.allowed_values, tag.applies_to])).toEqual([
      ["project", ["only"], null],
      ["mixed", ["ok"], null],
    ]);
    expect(result.warnings).toEqual([
      'tag_key of "project" assigns no name; the policy key "project" is used as the tag name',
      'enforced_for of "project" is not a list and was ignored',
      NOENF("project"),
      'tag "broken" skipped: its rule is not an object',
      'tag_value of "mixed" has non-text items, which were ignored',
      NOENF("mixed"),
      'tag_key of " " assigns no name; the policy key " " is used as the tag name',
      'entry " " skipped: it names no tag',
    ]);
    expect(result.notes).toEqual([
      'top-level "extra" ignored: only "tags" holds tag rules',
      '"mode" in tag "project" ignored: it is not a tag policy rule this import understands',
    ]);
  });

  it("converts an empty tags map to an empty policy with a warning", () => {
    const result = convertAwsTagPolicy('{"tags": {}}');
    expect(result.policy).toEqual({
      version: "1.0",
      last_updated: null,
      required_tags: [],
      optional_tags: [],
    });
    expect(result.warnings).toEqual(["the tag policy defines no tags"]);
  });

  it.each([
    ['{"tags": {', /^the tag policy is not valid JSON: /],
    ["[]", /^the tag policy must be a JSON object$/],
    [null, /^the tag policy must be a JSON object$/],
    ['{"tag": {}}', /has no "tags" object; is this an AWS Organizations tag policy\?$/],
    [{ tags: [] }, /has no "tags" object/],
  ])("rejects %j with a typed error", (document, message) => {
    const run = () => convertAwsTagPolicy(document);
    expect(run).toThrow(CoreInputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as CoreInputError).field).toBe("policy");
    }
  });
});

describe("convertAwsTagPolicy: any well-formed document", () => {
  const assign = <T>(value: fc.Arbitrary<T>) =>
    fc.oneof(
      value,
      value.map((v) => ({ "@@assign": v })),
    );
  const resourceType = fc.oneof(
    fc.constantFrom(...COST_GENERATING_TYPES, ...FREE_TYPES),
    fc
      .constantFrom("ec2", "s3", "rds", "es", "states", "sqs", "nosuch")
      .chain((service) => fc.constantFrom(`${service}:ALL_SUPPORTED`, `${service}:*`)),
    fc.constantFrom(
      "es:domain",
      "states:stateMachine",
      "EC2:Instance",
      "elasticloadbalancing:loadbalancer/net",
    ),
    fc.string({ maxLength: 20 }),
  );
  const tagValue = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 8 }).map((s) => `${s}*`),
  );
  const tagEntry = fc.record(
    {
      tag_key: assign(fc.string({ maxLength: 20 })),
      tag_value: assign(fc.array(tagValue, { maxLength: 6 })),
      enforced_for: assign(fc.array(resourceType, { maxLength: 6 })),
      "@@operators_allowed_for_child_policies": fc.constant(["@@none"]),
    },
    { requiredKeys: [] },
  );
  const documents = fc.record({
    tags: fc.dictionary(fc.string({ maxLength: 15 }), tagEntry, { maxKeys: 8 }),
  });

  it("never throws and only yields scannable catalog types, exact unique values and unique names", () => {
    fc.assert(
      fc.property(documents, fc.boolean(), (document, asString) => {
        const { policy } = convertAwsTagPolicy(asString ? JSON.stringify(document) : document);
        for (const tag of policy.required_tags) {
          // null is "every scanned type" (a tag without enforced_for); a list is never empty.
          if (tag.applies_to !== null) expect(tag.applies_to?.length).toBeGreaterThan(0);
          for (const type of tag.applies_to ?? []) expect(isCostGeneratingType(type)).toBe(true);
          expect(new Set(tag.applies_to).size).toBe(tag.applies_to?.length ?? 0);
        }
        for (const tag of [...policy.required_tags, ...policy.optional_tags]) {
          for (const value of tag.allowed_values ?? []) expect(value).not.toContain("*");
          expect(new Set(tag.allowed_values).size).toBe(tag.allowed_values?.length ?? 0);
          expect(tag.allowed_values?.length).not.toBe(0);
        }
        const names = [...policy.required_tags, ...policy.optional_tags].map((tag) => tag.name);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(name.trim()).not.toBe("");
      }),
      { numRuns: 300 },
    );
  });
});
