import { describe, expect, it } from "vitest";
import { CoreInputError } from "../../src/errors";
import { generateTerraformPolicy, type TerraformInput } from "../../src/generators/terraform";
import type { TaggingPolicy } from "../../src/policy/types";
import { blockHeaders, type HclBlockRead, jsonencoded, readHcl } from "./hcl-reader";
import { fixturePolicy, sevenTagPolicy } from "./policies";

const smallPolicy = (): TaggingPolicy => ({
  version: "4.2",
  required_tags: [
    { name: "Owner", description: "o", applies_to: ["ec2:instance", "s3:bucket"] },
    {
      name: "Env",
      description: "e",
      allowed_values: ["prod", "dev"],
      applies_to: ["ec2:volume", "opensearch:domain"],
    },
  ],
  optional_tags: [{ name: "Project", description: "p", allowed_values: null }],
});

function generate(policy: TaggingPolicy, input: TerraformInput) {
  const result = generateTerraformPolicy(policy, input);
  return { result, blocks: readHcl(result.hcl) };
}

const resource = (blocks: HclBlockRead[], type: string, name: string) => {
  const found = blocks.find((b) => b.type === "resource" && b.labels[0] === type && b.labels[1] === name);
  if (!found) throw new Error(`no resource ${type}.${name}`);
  return found;
};

describe("generateTerraformPolicy: config_rule", () => {
  it("splits seven tags into rules of six and one, values comma-joined", () => {
    const { result, blocks } = generate(sevenTagPolicy(), { policy_type: "config_rule" });
    expect(blockHeaders(result.hcl)).toEqual([
      ["resource", "aws_config_config_rule", "tagc_required_tags_1"],
      ["resource", "aws_config_config_rule", "tagc_required_tags_2"],
    ]);
    expect(result.rules).toEqual([
      { name: "tagc-required-tags-1", tags: ["T1", "T2", "T3", "T4", "T5", "T6"] },
      { name: "tagc-required-tags-2", tags: ["T7"] },
    ]);
    const first = resource(blocks, "aws_config_config_rule", "tagc_required_tags_1");
    expect(first.attributes.name).toBe("tagc-required-tags-1");
    expect(first.attributes.description).toBe("Required tags T1, T2, T3, T4, T5, T6 (tagging policy 2.1)");
    expect(first.blocks).toEqual([
      {
        type: "source",
        labels: [],
        attributes: { owner: "AWS", source_identifier: "REQUIRED_TAGS" },
        blocks: [],
      },
      {
        type: "scope",
        labels: [],
        attributes: { compliance_resource_types: ["AWS::EC2::Instance", "AWS::S3::Bucket"] },
        blocks: [],
      },
    ]);
    expect(jsonencoded(first.attributes.input_parameters)).toEqual({
      tag1Key: "T1",
      tag2Key: "T2",
      tag2Value: "a,b",
      tag3Key: "T3",
      tag4Key: "T4",
      tag5Key: "T5",
      tag6Key: "T6",
    });
    const second = resource(blocks, "aws_config_config_rule", "tagc_required_tags_2");
    expect(jsonencoded(second.attributes.input_parameters)).toEqual({ tag1Key: "T7" });
    expect(result.notes).toEqual([
      "AWS Config rules need a configuration recorder in each region, and run per region",
    ]);
  });

  it("keeps tags bound to different types in different rules, unscoped for every type", () => {
    const policy = smallPolicy();
    policy.required_tags.push({ name: "Team", description: "t" });
    const { result, blocks } = generate(policy, { enforcement_level: "deny" });
    expect(result.rules.map((rule) => rule.tags)).toEqual([["Owner"], ["Env"], ["Team"]]);
    const scopes = blocks.map(
      (b) => b.blocks.find((inner) => inner.type === "scope")?.attributes.compliance_resource_types,
    );
    expect(scopes).toEqual([
      ["AWS::EC2::Instance", "AWS::S3::Bucket"],
      ["AWS::EC2::Volume", "AWS::OpenSearch::Domain"],
      undefined,
    ]);
    expect(jsonencoded(blocks[1]?.attributes.input_parameters)).toEqual({
      tag1Key: "Env",
      tag1Value: "prod,dev",
    });
    expect(result.notes).toContain(
      "Config rules detect and cannot deny; use policy_type scp to block untagged creation",
    );
  });
});

describe("generateTerraformPolicy: scp", () => {
  it("denies creation without each tag, one statement per tag and created resource", () => {
    const { result, blocks } = generate(smallPolicy(), { policy_type: "scp", enforcement_level: "deny" });
    expect(blockHeaders(result.hcl)).toEqual([
      ["resource", "aws_organizations_policy", "tagc_require_tags"],
      ["resource", "aws_organizations_policy_attachment", "tagc_require_tags"],
      ["variable", "scp_target_id"],
    ]);
    const policy = resource(blocks, "aws_organizations_policy", "tagc_require_tags");
    expect(policy.attributes.type).toBe("SERVICE_CONTROL_POLICY");
    const denyWithout = (tag: string) => ({ Null: { [`aws:RequestTag/${tag}`]: "true" } });
    expect(jsonencoded(policy.attributes.content)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Tag1OwnerInstance",
          Effect: "Deny",
          Action: ["ec2:RunInstances"],
          Resource: "arn:*:ec2:*:*:instance/*",
          Condition: denyWithout("Owner"),
        },
        {
          Sid: "Tag1OwnerCreate",
          Effect: "Deny",
          Action: ["s3:CreateBucket"],
          Resource: "*",
          Condition: denyWithout("Owner"),
        },
        {
          Sid: "Tag2EnvVolume",
          Effect: "Deny",
          Action: ["ec2:CreateVolume", "ec2:RunInstances"],
          Resource: "arn:*:ec2:*:*:volume/*",
          Condition: denyWithout("Env"),
        },
        {
          Sid: "Tag2EnvCreate",
          Effect: "Deny",
          Action: ["es:CreateDomain"],
          Resource: "*",
          Condition: denyWithout("Env"),
        },
      ],
    });
    expect(resource(blocks, "aws_organizations_policy_attachment", "tagc_require_tags").attributes).toEqual({
      policy_id: { $ref: "aws_organizations_policy.tagc_require_tags.id" },
      target_id: { $ref: "var.scp_target_id" },
    });
    expect(blocks[2]?.attributes).toEqual({
      description: "Root, organizational unit or account id the service control policy is attached to",
      type: { $ref: "string" },
    });
  });

  it("creates but does not attach the SCP at audit level", () => {
    const { result } = generate(smallPolicy(), { policy_type: "scp" });
    expect(result.resources).toEqual([{ type: "aws_organizations_policy", name: "tagc_require_tags" }]);
    expect(result.notes).toEqual([
      "an SCP cannot audit: at enforcement_level audit the policy is created but not attached",
      "test the SCP on a sandbox account first: it denies every listed create call made without the tags",
    ]);
  });

  it("warns when the policy would pass AWS's size limit or names types with no create action", () => {
    const { result } = generate(sevenTagPolicy(), { policy_type: "scp" });
    expect(result.warnings).toEqual([]);
    const everyType: TaggingPolicy = {
      version: "1",
      required_tags: ["A", "B", "C", "D"].map((name) => ({ name, description: name })),
      optional_tags: [],
    };
    const big = generate(everyType, { policy_type: "scp" }).result;
    expect(big.warnings[0]).toMatch(/^"A": no create action is known for .*bedrock:agent/);
    expect(big.warnings.at(-1)).toMatch(/^the SCP is \d+ characters, over AWS's 5120; split required_tags/);
  });
});

describe("generateTerraformPolicy: tag_policy", () => {
  it("reports only at audit level: @@assign keys and values, no enforced_for", () => {
    const { result, blocks } = generate(smallPolicy(), {
      policy_type: "tag_policy",
      required_tags: ["Owner", "Env", "Project"],
    });
    const policy = resource(blocks, "aws_organizations_policy", "tagc_tag_policy");
    expect(policy.attributes.type).toBe("TAG_POLICY");
    expect(jsonencoded(policy.attributes.content)).toEqual({
      tags: {
        owner: { tag_key: { "@@assign": "Owner" } },
        env: { tag_key: { "@@assign": "Env" }, tag_value: { "@@assign": ["prod", "dev"] } },
        project: { tag_key: { "@@assign": "Project" } },
      },
    });
    expect(result.resources.map((r) => r.type)).toEqual([
      "aws_organizations_policy",
      "aws_organizations_policy_attachment",
    ]);
  });

  it("enforces the required tags on their types, in AWS's names, at deny level", () => {
    const { blocks } = generate(smallPolicy(), {
      policy_type: "tag_policy",
      enforcement_level: "deny",
      required_tags: ["Env", "Project"],
    });
    expect(jsonencoded(blocks[0]?.attributes.content)).toEqual({
      tags: {
        env: {
          tag_key: { "@@assign": "Env" },
          tag_value: { "@@assign": ["prod", "dev"] },
          enforced_for: { "@@assign": ["ec2:volume", "es:domain"] },
        },
        project: { tag_key: { "@@assign": "Project" } },
      },
    });
  });

  it("keeps one entry per case-insensitive key", () => {
    const policy = smallPolicy();
    policy.required_tags.push({ name: "owner", description: "dup" });
    const { result, blocks } = generate(policy, { policy_type: "tag_policy" });
    expect(Object.keys((jsonencoded(blocks[0]?.attributes.content) as { tags: object }).tags)).toEqual([
      "owner",
      "env",
    ]);
    expect(result.warnings).toEqual(['"owner" left out: the tag policy already has an entry for "owner"']);
  });
});

describe("generateTerraformPolicy: escaping", () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL template sequences a generator must escape
  const nasty = 'App ${var.secret} %{ if true }x%{ endif } "quoted" back\\slash\nnew line \u0001 é $${kept}';

  it.each(["config_rule", "scp", "tag_policy"] as const)(
    "carries tag names and values through HCL exactly (%s)",
    (policy_type) => {
      const policy: TaggingPolicy = {
        version: "1\n# injected",
        required_tags: [
          { name: nasty, description: "d", allowed_values: [nasty, "plain"], applies_to: ["rds:db"] },
        ],
        optional_tags: [],
      };
      const { result, blocks } = generate(policy, { policy_type, enforcement_level: "deny" });
      expect(result.hcl.split("\n").slice(0, 2)).toEqual([
        "# Generated by Tag Compliance Cloud from tagging policy 1 # injected.",
        `# ${policy_type}, enforcement level deny.`,
      ]);
      const content = JSON.stringify(
        jsonencoded(blocks[0]?.attributes[policy_type === "config_rule" ? "input_parameters" : "content"]),
      );
      expect(content).toContain(JSON.stringify(nasty).slice(1, -1));
    },
  );
});

describe("generateTerraformPolicy: inputs", () => {
  it("defaults to the policy's required tags as config rules at audit level", () => {
    const { result } = generate(fixturePolicy(), {});
    expect([result.policy_type, result.enforcement_level]).toEqual(["config_rule", "audit"]);
    expect(result.rules.map((rule) => rule.tags)).toEqual([["Owner"], ["Environment"], ["Application"]]);
    expect(result.warnings).toEqual([
      '"Owner": REQUIRED_TAGS cannot check a validation_regex; only presence is checked',
      '"Application": AWS Config does not record the tags of glue:table; left out of the rule scope',
    ]);
  });

  it.each([
    [{ policy_type: "cloudformation" }, "policy_type"],
    [{ enforcement_level: "block" }, "enforcement_level"],
    [{ required_tags: ["Missing"] }, "required_tags"],
    [{ tags: ["Owner"] }, "input"],
  ])("rejects %j naming %s", (input, field) => {
    expect(() => generateTerraformPolicy(fixturePolicy(), input as never)).toThrow(CoreInputError);
    try {
      generateTerraformPolicy(fixturePolicy(), input as never);
    } catch (error) {
      expect((error as CoreInputError).field).toBe(field);
    }
  });
});
