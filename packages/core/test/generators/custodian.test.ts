import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CoreInputError } from "../../src/errors";
import { generateCustodianPolicies } from "../../src/generators/custodian";
import { CUSTODIAN_RESOURCES } from "../../src/generators/custodian-resources";
import type { TaggingPolicy } from "../../src/policy/types";
import { custodianFileSchema, type Filter, matches } from "./custodian-schema";
import { EMAIL_REGEX, fixturePolicy } from "./policies";

const ec2Only = { resource_types: ["ec2:instance"] };

/** The policies of the combined file that would act on a resource with `tags`. */
function matching(yaml: string, tags: Record<string, string>): string[] {
  const file = custodianFileSchema.parse(parse(yaml));
  return file.policies.filter((p) => p.filters.every((f) => matches(f as Filter, tags))).map((p) => p.name);
}

describe("generateCustodianPolicies: dry run", () => {
  const result = generateCustodianPolicies(fixturePolicy(), {});

  it("covers every type the policy names, with one missing-tag and one invalid-value policy each", () => {
    expect(result.dry_run).toBe(true);
    expect(result.policies.map((p) => [p.name, p.resource_type, p.violation_type, p.tags])).toEqual([
      ["tagc-ec2-missing-tags", "ec2:instance", "missing_tag", ["Owner", "Environment", "Application"]],
      ["tagc-ec2-invalid-tags", "ec2:instance", "invalid_value", ["Owner", "Environment"]],
      ["tagc-ebs-missing-tags", "ec2:volume", "missing_tag", ["Environment"]],
      ["tagc-ebs-invalid-tags", "ec2:volume", "invalid_value", ["Environment"]],
      ["tagc-lambda-missing-tags", "lambda:function", "missing_tag", ["Owner", "Environment"]],
      ["tagc-lambda-invalid-tags", "lambda:function", "invalid_value", ["Owner", "Environment"]],
      ["tagc-s3-missing-tags", "s3:bucket", "missing_tag", ["Owner", "Application"]],
      ["tagc-s3-invalid-tags", "s3:bucket", "invalid_value", ["Owner"]],
      ["tagc-rds-missing-tags", "rds:db", "missing_tag", ["Owner", "Environment"]],
      ["tagc-rds-invalid-tags", "rds:db", "invalid_value", ["Owner", "Environment"]],
    ]);
    expect(result.skipped).toEqual([
      { resource_type: "glue:table", reason: "Cloud Custodian has no resource for this type" },
    ]);
    expect(result.counts).toEqual({
      policies: 10,
      resource_types: 5,
      skipped: 1,
      missing_tag: 5,
      invalid_value: 5,
    });
  });

  it("writes one combined file that parses and matches Custodian's policy shape", () => {
    const file = custodianFileSchema.parse(parse(result.combined_yaml));
    expect(file.policies).toEqual(result.policies.map((p) => p.policy));
  });

  it("writes each policy as a runnable file of its own", () => {
    for (const generated of result.policies) {
      expect(custodianFileSchema.parse(parse(generated.yaml))).toEqual({ policies: [generated.policy] });
    }
  });

  it("builds the ec2 policies exactly", () => {
    const [missing, invalid] = result.policies.map((p) => p.policy);
    expect(missing).toEqual({
      name: "tagc-ec2-missing-tags",
      resource: "ec2",
      description: "ec2:instance resources missing Owner, Environment, Application (tagging policy 1.0)",
      filters: [
        { or: [{ "tag:Owner": "absent" }, { "tag:Environment": "absent" }, { "tag:Application": "absent" }] },
      ],
      actions: [
        {
          type: "notify",
          template: "default",
          subject: "[Tag compliance] ec2:instance resources missing required tags",
          violation_desc: "missing Owner, Environment, Application",
          action_desc: "Set the missing or invalid tags as the tagging policy requires.",
          to: ["resource-owner"],
          transport: { type: "sqs", queue: "tagc-compliance-notifications" },
        },
      ],
    });
    expect(invalid?.filters).toEqual([
      {
        or: [
          {
            and: [
              { "tag:Owner": "present" },
              { not: [{ type: "value", key: "tag:Owner", op: "regex-case", value: EMAIL_REGEX }] },
            ],
          },
          {
            and: [
              { "tag:Environment": "present" },
              {
                type: "value",
                key: "tag:Environment",
                op: "not-in",
                value: ["production", "staging", "development", "test"],
              },
            ],
          },
        ],
      },
    ]);
    expect(result.notes).toEqual([
      'notify actions send to the SQS queue "tagc-compliance-notifications" in the account and region Custodian ' +
        "runs in; create it for c7n-mailer or change the transport",
    ]);
  });

  // The seed joined the two checks with `and`, so a resource with only one fault was never caught.
  it.each([
    ["missing one tag only", { Environment: "production", Application: "shop" }, ["tagc-ec2-missing-tags"]],
    [
      "an invalid value only",
      { Owner: "jane@example.com", Environment: "prod", Application: "shop" },
      ["tagc-ec2-invalid-tags"],
    ],
    [
      "an owner that is not an email",
      { Owner: "jane", Environment: "test", Application: "a" },
      ["tagc-ec2-invalid-tags"],
    ],
    [
      "both faults",
      { Environment: "Production", Application: "shop" },
      ["tagc-ec2-missing-tags", "tagc-ec2-invalid-tags"],
    ],
    ["no fault", { Owner: "jane@example.com", Environment: "test", Application: "" }, []],
  ])("catches a resource with %s", (_label, tags, expected) => {
    const yaml = generateCustodianPolicies(fixturePolicy(), ec2Only).combined_yaml;
    expect(matching(yaml, tags)).toEqual(expected);
  });
});

describe("generateCustodianPolicies: fixing", () => {
  const result = generateCustodianPolicies(fixturePolicy(), { ...ec2Only, dry_run: false });

  it("writes one policy per tag, each setting the first allowed value or a placeholder that fits the regex", () => {
    expect(result.policies.map((p) => [p.name, p.policy.actions])).toEqual([
      ["tagc-ec2-missing-owner", [{ type: "tag", tags: { Owner: "unassigned@example.com" } }]],
      ["tagc-ec2-missing-environment", [{ type: "tag", tags: { Environment: "production" } }]],
      ["tagc-ec2-missing-application", [{ type: "tag", tags: { Application: "tagc-unassigned" } }]],
      ["tagc-ec2-invalid-owner", [{ type: "tag", tags: { Owner: "unassigned@example.com" } }]],
      ["tagc-ec2-invalid-environment", [{ type: "tag", tags: { Environment: "production" } }]],
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.notes).toEqual([]);
    custodianFileSchema.parse(parse(result.combined_yaml));
  });

  it("leaves a resource compliant once every matching policy has run", () => {
    const tags: Record<string, string> = { Environment: "prod" };
    for (const { policy } of result.policies) {
      if (policy.filters.every((f) => matches(f as Filter, tags)))
        Object.assign(tags, policy.actions[0]?.tags);
    }
    expect(tags).toEqual({
      Owner: "unassigned@example.com",
      Environment: "production",
      Application: "tagc-unassigned",
    });
    expect(matching(result.combined_yaml, tags)).toEqual([]);
  });

  it("notifies instead of overwriting a wrong value when no placeholder satisfies the regex", () => {
    const policy: TaggingPolicy = {
      version: "3",
      required_tags: [{ name: "Ticket", description: "t", validation_regex: "^(?=JIRA)[A-Z]+-\\d+$" }],
      optional_tags: [],
    };
    const fixing = generateCustodianPolicies(policy, { ...ec2Only, dry_run: false });
    expect(fixing.policies.map((p) => [p.name, p.policy.actions[0]?.type])).toEqual([
      ["tagc-ec2-missing-ticket", "tag"],
      ["tagc-ec2-invalid-ticket", "notify"],
    ]);
    expect(fixing.policies[0]?.policy.actions[0]).toEqual({
      type: "tag",
      tags: { Ticket: "tagc-review-required" },
    });
    expect(fixing.warnings.map((warning) => warning.message)).toEqual([
      'no placeholder satisfies the validation_regex of "Ticket"; "tagc-review-required" is used and those ' +
        "resources stay flagged until a real value is set",
      'invalid "Ticket" values are notified, not overwritten, for lack of a valid placeholder',
    ]);
  });
});

describe("generateCustodianPolicies: inputs", () => {
  it("limits the checks to the requested violation types and tags", () => {
    const result = generateCustodianPolicies(fixturePolicy(), {
      resource_types: ["s3:bucket", "ec2:volume"],
      violation_types: ["missing_tag"],
      target_tags: ["owner"],
    });
    expect(result.policies.map((p) => [p.name, p.tags])).toEqual([["tagc-s3-missing-tags", ["Owner"]]]);
    expect(result.skipped).toEqual([
      { resource_type: "ec2:volume", reason: "no target tag applies to this type" },
    ]);
  });

  it("checks optional tags on every type when they are named", () => {
    const result = generateCustodianPolicies(fixturePolicy(), {
      resource_types: ["dynamodb:table"],
      target_tags: ["CostCenter"],
    });
    expect(result.policies.map((p) => [p.name, p.custodian_resource, p.tags])).toEqual([
      ["tagc-dynamodb-table-missing-tags", "dynamodb-table", ["CostCenter"]],
      ["tagc-dynamodb-table-invalid-tags", "dynamodb-table", ["CostCenter"]],
    ]);
  });

  it("skips the invalid-value check when no tag constrains its value", () => {
    const result = generateCustodianPolicies(fixturePolicy(), {
      resource_types: ["s3:bucket"],
      target_tags: ["Application"],
    });
    expect(result.policies.map((p) => p.name)).toEqual(["tagc-s3-missing-tags"]);
  });

  it("keeps policy names unique when two tags share a slug", () => {
    const policy: TaggingPolicy = {
      version: "1",
      required_tags: [
        { name: "Cost Center", description: "a" },
        { name: "cost-center", description: "b" },
      ],
      optional_tags: [],
    };
    const result = generateCustodianPolicies(policy, { resource_types: ["rds:cluster"], dry_run: false });
    expect(result.policies.map((p) => p.name)).toEqual([
      "tagc-rds-cluster-missing-cost-center",
      "tagc-rds-cluster-missing-cost-center-2",
    ]);
    custodianFileSchema.parse(parse(result.combined_yaml));
  });

  it.each([
    [
      { resource_types: ["ec2:vpc"] },
      "resource_types",
      "ec2:vpc is a free resource type (no direct cost) and is not scanned",
    ],
    [
      { resource_types: ["ec2:instances"] },
      "resource_types",
      "ec2:instances is not a known resource type; did you mean",
    ],
    [
      { target_tags: ["Team"] },
      "target_tags",
      'tag "Team" is not in the tagging policy; its tags are: Owner, Environment',
    ],
    [{ violation_types: ["invalid_format"] }, "violation_types.0", "violation_types.0:"],
    [{ dry_run: "yes" }, "dry_run", "dry_run:"],
    [
      { resource_types: Array.from({ length: 11 }, () => "ec2:instance") },
      "resource_types",
      "resource_types:",
    ],
    [{ resource_type: ["ec2:instance"] }, "input", "input:"],
  ])("rejects %j naming %s", (input, field, message) => {
    const run = () => generateCustodianPolicies(fixturePolicy(), input as never);
    expect(run).toThrow(CoreInputError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as CoreInputError).field).toBe(field);
    }
  });

  it("maps every type to a distinct, valid Custodian resource name", () => {
    const names = Object.values(CUSTODIAN_RESOURCES);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
  });
});
