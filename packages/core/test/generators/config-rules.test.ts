import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CoreInputError } from "../../src/errors";
import { generateConfigRules } from "../../src/generators/config-rules";
import type { TaggingPolicy } from "../../src/policy/types";
import { fixturePolicy, sevenTagPolicy } from "./policies";

// The PutConfigRule ConfigRule fields used, with the API's limits.
const configRuleSchema = z.strictObject({
  ConfigRuleName: z.string().min(1).max(128),
  Description: z.string().max(256),
  Scope: z
    .strictObject({
      ComplianceResourceTypes: z
        .array(z.string().regex(/^AWS::\w+::\w+$/))
        .min(1)
        .max(100),
    })
    .optional(),
  Source: z.strictObject({ Owner: z.literal("AWS"), SourceIdentifier: z.literal("REQUIRED_TAGS") }),
  InputParameters: z.string().min(1).max(1024),
});

const parameters = (rule: { InputParameters: string }) =>
  JSON.parse(rule.InputParameters) as Record<string, string>;

describe("generateConfigRules", () => {
  it("checks presence of the required tags, one rule per resource scope", () => {
    const result = generateConfigRules(fixturePolicy(), {});
    expect(result.rule_type).toBe("required_tags");
    expect(result.rules).toEqual([
      {
        ConfigRuleName: "tagc-required-tags-1",
        Description: "Checks that resources have the tags Owner (tagging policy 1.0)",
        Scope: {
          ComplianceResourceTypes: [
            "AWS::EC2::Instance",
            "AWS::S3::Bucket",
            "AWS::Lambda::Function",
            "AWS::RDS::DBInstance",
          ],
        },
        Source: { Owner: "AWS", SourceIdentifier: "REQUIRED_TAGS" },
        InputParameters: '{"tag1Key":"Owner"}',
      },
      {
        ConfigRuleName: "tagc-required-tags-2",
        Description: "Checks that resources have the tags Environment (tagging policy 1.0)",
        Scope: {
          ComplianceResourceTypes: [
            "AWS::EC2::Instance",
            "AWS::RDS::DBInstance",
            "AWS::Lambda::Function",
            "AWS::EC2::Volume",
          ],
        },
        Source: { Owner: "AWS", SourceIdentifier: "REQUIRED_TAGS" },
        InputParameters: '{"tag1Key":"Environment"}',
      },
      {
        ConfigRuleName: "tagc-required-tags-3",
        Description: "Checks that resources have the tags Application (tagging policy 1.0)",
        Scope: { ComplianceResourceTypes: ["AWS::EC2::Instance", "AWS::S3::Bucket"] },
        Source: { Owner: "AWS", SourceIdentifier: "REQUIRED_TAGS" },
        InputParameters: '{"tag1Key":"Application"}',
      },
    ]);
    for (const rule of result.rules) configRuleSchema.parse(rule);
    expect(result.warnings).toEqual([
      '"Application": AWS Config does not record the tags of glue:table; left out of the rule scope',
    ]);
  });

  it("splits seven tags into a rule of six and a rule of one", () => {
    const result = generateConfigRules(sevenTagPolicy(), { rule_type: "required_tags" });
    expect(result.rules.map((rule) => [rule.ConfigRuleName, parameters(rule), rule.Scope])).toEqual([
      [
        "tagc-required-tags-1",
        { tag1Key: "T1", tag2Key: "T2", tag3Key: "T3", tag4Key: "T4", tag5Key: "T5", tag6Key: "T6" },
        { ComplianceResourceTypes: ["AWS::EC2::Instance", "AWS::S3::Bucket"] },
      ],
      [
        "tagc-required-tags-2",
        { tag1Key: "T7" },
        { ComplianceResourceTypes: ["AWS::EC2::Instance", "AWS::S3::Bucket"] },
      ],
    ]);
  });

  it("checks allowed values, comma-joined as the managed rule expects", () => {
    const result = generateConfigRules(fixturePolicy(), {
      rule_type: "allowed_values",
      tags: ["Environment", "CostCenter", "Owner"],
    });
    expect(
      result.rules.map((rule) => [rule.ConfigRuleName, rule.Description, parameters(rule), rule.Scope]),
    ).toEqual([
      [
        "tagc-allowed-values-1",
        "Checks that resources have allowed values for Environment (tagging policy 1.0)",
        { tag1Key: "Environment", tag1Value: "production,staging,development,test" },
        {
          ComplianceResourceTypes: [
            "AWS::EC2::Instance",
            "AWS::RDS::DBInstance",
            "AWS::Lambda::Function",
            "AWS::EC2::Volume",
          ],
        },
      ],
      [
        "tagc-allowed-values-2",
        "Checks that resources have allowed values for CostCenter (tagging policy 1.0)",
        { tag1Key: "CostCenter", tag1Value: "Engineering,Sales,Marketing" },
        undefined,
      ],
    ]);
    expect(result.warnings).toEqual(["no allowed values to check for Owner; left out"]);
  });

  it("gives the deployment commands and files", () => {
    const result = generateConfigRules(sevenTagPolicy(), {});
    expect(result.deployment).toEqual({
      prerequisites: [
        "AWS Config must be recording in every region to check: aws configservice describe-configuration-recorder-status",
        "Config rules are regional: run the commands once per region, adding --region <region>",
      ],
      files: result.rules.map((rule) => ({
        path: `${rule.ConfigRuleName}.json`,
        content: `${JSON.stringify(rule, null, 2)}\n`,
      })),
      commands: [
        "aws configservice put-config-rule --config-rule file://tagc-required-tags-1.json",
        "aws configservice put-config-rule --config-rule file://tagc-required-tags-2.json",
      ],
      verify: [
        "aws configservice start-config-rules-evaluation --config-rule-names tagc-required-tags-1 tagc-required-tags-2",
        "aws configservice describe-compliance-by-config-rule --config-rule-names tagc-required-tags-1 tagc-required-tags-2",
      ],
    });
    expect(JSON.parse(result.deployment.files[1]?.content ?? "")).toEqual(result.rules[1]);
  });

  it("starts a new rule before the parameters pass 1024 characters", () => {
    const long = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}-value-${i}`);
    const policy: TaggingPolicy = {
      version: "1",
      required_tags: ["A", "B", "C"].map((name) => ({ name, description: name, allowed_values: long(name) })),
      optional_tags: [],
    };
    const rules = generateConfigRules(policy, { rule_type: "allowed_values" }).rules;
    expect(rules.map((rule) => Object.keys(parameters(rule)))).toEqual([
      ["tag1Key", "tag1Value", "tag2Key", "tag2Value"],
      ["tag1Key", "tag1Value"],
    ]);
    for (const rule of rules) configRuleSchema.parse(rule);
  });

  it("warns when one tag's values alone are over the limit", () => {
    const policy: TaggingPolicy = {
      version: "1",
      required_tags: [
        {
          name: "Big",
          description: "b",
          allowed_values: Array.from({ length: 120 }, (_, i) => `value-${i}`),
        },
      ],
      optional_tags: [],
    };
    const result = generateConfigRules(policy, { rule_type: "allowed_values" });
    expect(result.rules).toHaveLength(1);
    expect(result.warnings).toEqual([
      '"Big": its allowed values exceed AWS Config\'s 1024-character limit on rule parameters',
    ]);
  });

  it("leaves out values the rule cannot express and types Config does not record", () => {
    const policy: TaggingPolicy = {
      version: "1",
      required_tags: [
        {
          name: "Team",
          description: "t",
          allowed_values: ["a,b", "c"],
          applies_to: ["bedrock:agent", "kms:key"],
        },
        { name: "Id", description: "i", applies_to: ["bedrock:agent"] },
      ],
      optional_tags: [],
    };
    const result = generateConfigRules(policy, { rule_type: "allowed_values", tags: ["Team"] });
    expect(result.rules.map((rule) => [parameters(rule), rule.Scope])).toEqual([
      [{ tag1Key: "Team", tag1Value: "c" }, { ComplianceResourceTypes: ["AWS::KMS::Key"] }],
    ]);
    expect(result.warnings).toEqual([
      '"Team": AWS Config does not record the tags of bedrock:agent; left out of the rule scope',
      '"Team": values containing a comma cannot be checked by REQUIRED_TAGS and were left out',
    ]);
    expect(generateConfigRules(policy, { tags: ["Id"] }).rules).toEqual([]);
  });

  it.each([
    [{ rule_type: "regex" }, "rule_type"],
    [{ tags: ["Nope"] }, "tags"],
    [{ tags: [] }, "tags"],
  ])("rejects %j naming %s", (input, field) => {
    expect(() => generateConfigRules(fixturePolicy(), input as never)).toThrow(CoreInputError);
    try {
      generateConfigRules(fixturePolicy(), input as never);
    } catch (error) {
      expect((error as CoreInputError).field).toBe(field);
    }
  });
});
