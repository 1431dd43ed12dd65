import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { exportForAutomation } from "../../src/export/automation";
import type { Violation } from "../../src/model";
import { violation } from "../report/violations";

const ENV = ["production", "staging"];
const i1 = { resource_id: "i-1", resource_arn: "arn:aws:ec2:us-east-1:111111111111:instance/i-1" };
const i2 = { resource_id: "i-2", resource_arn: "arn:aws:ec2:us-east-1:111111111111:instance/i-2" };
const bucket = {
  resource_id: "logs",
  resource_arn: "arn:aws:s3:::logs",
  resource_type: "s3:bucket",
  region: "global",
};
const fn = {
  resource_id: "api",
  resource_arn: "arn:aws:lambda:eu-west-1:111111111111:function:api",
  resource_type: "lambda:function",
  region: "eu-west-1",
};
const VIOLATIONS: Violation[] = [
  violation({ ...i1, tag_name: "Environment", allowed_values: ENV }),
  violation({ ...i1, tag_name: "Owner", allowed_values: null }),
  violation({ ...i1, tag_name: "Owner", allowed_values: null, violation_type: "invalid_format" }),
  violation({
    ...i2,
    tag_name: "Environment",
    violation_type: "invalid_value",
    current_value: "Staging ",
    allowed_values: ENV,
  }),
  violation({
    ...bucket,
    tag_name: "Backup",
    violation_type: "invalid_value",
    current_value: "YES",
    allowed_values: ["yes", "no"],
  }),
  violation({ ...bucket, tag_name: "<<", allowed_values: ["on"] }),
  violation({
    ...fn,
    tag_name: "Owner",
    violation_type: "invalid_format",
    severity: "warning",
    current_value: "O'Brien",
    allowed_values: null,
  }),
];

const run = (over: Partial<Parameters<typeof exportForAutomation>[0]> = {}) =>
  exportForAutomation({ violations: VIOLATIONS, format: "json", targetPlatform: "generic", ...over });

describe("exportForAutomation: what to set", () => {
  it("sets the first allowed value, the allowed spelling of a near miss, or a placeholder; counts them", () => {
    const result = run();
    expect(result).toMatchObject({ resources: 4, tags_to_set: 6, placeholders: 2 });
    const doc = JSON.parse(result.content);
    // Sorted by ARN: ec2 < lambda < s3.
    expect(
      doc.resources.map((r: { resource_arn: string; tags_to_set: object }) => [
        r.resource_arn,
        r.tags_to_set,
      ]),
    ).toEqual([
      [i1.resource_arn, { Environment: "production", Owner: "REPLACE_ME" }],
      [i2.resource_arn, { Environment: "staging" }],
      [fn.resource_arn, { Owner: "REPLACE_ME" }],
      [bucket.resource_arn, { Backup: "yes", "<<": "on" }],
    ]);
    expect(doc.resources[1].changes).toEqual([
      {
        tag: "Environment",
        value: "staging",
        value_source: "allowed_value_spelling",
        violation_type: "invalid_value",
        current_value: "Staging ",
        allowed_values: ENV,
      },
    ]);
  });

  it("gives hints with a shell-safe AWS CLI command, and none when not asked", () => {
    const doc = JSON.parse(run().content);
    expect(doc.resources[2].remediation_hints).toEqual([
      `Owner: "O'Brien" does not match the policy's format; replace REPLACE_ME with a value that does.`,
      `aws resourcegroupstaggingapi tag-resources --region 'eu-west-1' --resource-arn-list '${fn.resource_arn}' --tags '{"Owner":"REPLACE_ME"}'`,
    ]);
    expect(doc.resources[0].remediation_hints[0]).toBe(
      'Environment: "production" is the first allowed value, a default rather than a guess; pick the right one of production, staging.',
    );
    expect(doc.resources[3].remediation_hints[2]).toBe(
      `aws resourcegroupstaggingapi tag-resources --resource-arn-list 'arn:aws:s3:::logs' --tags '{"Backup":"yes","<<":"on"}'`,
    );
    expect(JSON.parse(run({ includeRemediationHints: false }).content).resources[0]).not.toHaveProperty(
      "remediation_hints",
    );
  });

  it("quotes a single quote in a tag value for the shell", () => {
    const quoted = violation({ ...i1, tag_name: "Team", allowed_values: ["it's ours"] });
    const doc = JSON.parse(run({ violations: [quoted] }).content);
    expect(doc.resources[0].remediation_hints[1]).toContain(`--tags '{"Team":"it'\\''s ours"}'`);
  });

  it("filters by severity and resource type", () => {
    expect(run({ severity: "warnings_only" })).toMatchObject({ resources: 1, tags_to_set: 1 });
    expect(run({ severity: "errors_only" })).toMatchObject({ resources: 3, tags_to_set: 5 });
    expect(run({ resourceTypes: ["s3:bucket", "rds:db"] })).toMatchObject({ resources: 1, tags_to_set: 2 });
    expect(run({ resourceTypes: [] })).toMatchObject({ resources: 4 });
  });
});

describe("exportForAutomation: Ansible", () => {
  it("YAML vars for amazon.aws.ec2_tag and s3_bucket, never purging, that PyYAML-style 1.1 reads back", () => {
    const { content } = run({ format: "yaml", targetPlatform: "ansible", includeRemediationHints: false });
    expect(content.startsWith("# Variables for the amazon.aws collection")).toBe(true);
    expect(content).toContain('!!str "<<": "on"');
    expect(content).not.toMatch(/[&*]\w/); // no anchors or aliases
    expect(parseYaml(content, { version: "1.1", merge: true })).toEqual({
      tag_compliance_ec2_tag: [
        {
          resource: "i-1",
          region: "us-east-1",
          tags: { Environment: "production", Owner: "REPLACE_ME" },
          purge_tags: false,
        },
        { resource: "i-2", region: "us-east-1", tags: { Environment: "staging" }, purge_tags: false },
      ],
      // "yes" and "on" stay strings, "<<" stays a key (YAML 1.1 would read booleans and a merge).
      tag_compliance_s3_bucket: [{ name: "logs", tags: { Backup: "yes", "<<": "on" }, purge_tags: false }],
      tag_compliance_other: [
        {
          resource_arn: fn.resource_arn,
          resource_type: "lambda:function",
          region: "eu-west-1",
          tags: { Owner: "REPLACE_ME" },
        },
      ],
    });
  });

  it("JSON vars carry the hints per ARN when asked", () => {
    const doc = JSON.parse(run({ targetPlatform: "ansible" }).content);
    expect(Object.keys(doc.tag_compliance_remediation_hints)).toEqual([
      i1.resource_arn,
      i2.resource_arn,
      fn.resource_arn,
      bucket.resource_arn,
    ]);
  });

  it("CSV rows name the module and parse back", () => {
    const { content } = run({ format: "csv", targetPlatform: "ansible", includeRemediationHints: false });
    const rows: Record<string, string>[] = parseCsv(content, { columns: true });
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => [r.resource_id, r.tag_key, r.tag_value, r.ansible_module])).toEqual([
      ["i-1", "Environment", "production", "amazon.aws.ec2_tag"],
      ["i-1", "Owner", "REPLACE_ME", "amazon.aws.ec2_tag"],
      ["i-2", "Environment", "staging", "amazon.aws.ec2_tag"],
      ["api", "Owner", "REPLACE_ME", ""],
      ["logs", "Backup", "yes", "amazon.aws.s3_bucket"],
      ["logs", "<<", "on", "amazon.aws.s3_bucket"],
    ]);
    expect(rows[2]).toMatchObject({ value_source: "allowed_value_spelling", current_value: "Staging " });
    expect(Object.keys(rows[0]!)).not.toContain("remediation_hint");
  });
});

describe("exportForAutomation: Terraform and generic", () => {
  it("tfvars JSON maps ARN to tags", () => {
    const doc = JSON.parse(run({ targetPlatform: "terraform_vars", includeRemediationHints: false }).content);
    expect(doc).toEqual({
      tag_compliance_resource_tags: {
        [fn.resource_arn]: { Owner: "REPLACE_ME" },
        [i1.resource_arn]: { Environment: "production", Owner: "REPLACE_ME" },
        [i2.resource_arn]: { Environment: "staging" },
        [bucket.resource_arn]: { Backup: "yes", "<<": "on" },
      },
    });
  });

  it("YAML round-trips for every platform, and CSV has a hint column when asked", () => {
    for (const targetPlatform of ["generic", "terraform_vars", "ansible"] as const) {
      const yaml = parseYaml(run({ format: "yaml", targetPlatform }).content, {
        version: "1.1",
        merge: true,
      });
      expect(yaml).toEqual(JSON.parse(run({ targetPlatform }).content));
    }
    const rows: Record<string, string>[] = parseCsv(run({ format: "csv" }).content, { columns: true });
    expect(Object.keys(rows[0]!)).not.toContain("ansible_module");
    expect(rows[3]?.remediation_hint).toBe(
      `Owner: "O'Brien" does not match the policy's format; replace REPLACE_ME with a value that does.`,
    );
  });

  it("CSV keeps values to apply verbatim and guards the customer-typed current value", () => {
    const owner = violation({
      ...i1,
      tag_name: "Owner",
      violation_type: "invalid_value",
      current_value: "=cmd",
      allowed_values: ["@platform-team"],
    });
    const rows: Record<string, string>[] = parseCsv(run({ violations: [owner], format: "csv" }).content, {
      columns: true,
    });
    expect(rows[0]).toMatchObject({ tag_key: "Owner", tag_value: "@platform-team", current_value: "'=cmd" });
  });

  it("an empty selection still parses", () => {
    const result = run({ violations: [], format: "yaml", targetPlatform: "ansible" });
    expect(result).toMatchObject({ resources: 0, tags_to_set: 0, placeholders: 0 });
    expect(parseYaml(result.content, { version: "1.1" })).toMatchObject({ tag_compliance_ec2_tag: [] });
  });
});
