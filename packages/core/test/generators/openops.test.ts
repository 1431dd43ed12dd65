import { describe, expect, it } from "vitest";
import { isAlias, isNode, parse, parseDocument, visit } from "yaml";
import { CoreInputError } from "../../src/errors";
import { generateOpenOpsWorkflow, type OpenOpsInput } from "../../src/generators/openops";
import { fixturePolicy } from "./policies";

const NOW = new Date("2026-02-03T04:05:06.000Z");
const generate = (input: OpenOpsInput) => generateOpenOpsWorkflow(fixturePolicy(), input, NOW);

/** Anchors and aliases anywhere in the document, found on the parsed tree rather than by regex. */
function anchorsAndAliases(yaml: string): string[] {
  const found: string[] = [];
  visit(parseDocument(yaml), (_key, node) => {
    if (isAlias(node)) found.push(`*${node.source}`);
    else if (isNode(node) && node.anchor) found.push(`&${node.anchor}`);
  });
  return found;
}

describe("generateOpenOpsWorkflow", () => {
  it("writes a notify workflow with the schedule and threshold triggers", () => {
    const result = generate({ resource_types: ["ec2:instance", "s3:bucket"] });
    expect(parse(result.yaml)).toEqual(result.workflow);
    expect(result.workflow).toEqual({
      name: "tag-compliance-notify",
      description: "Checks tag compliance (daily) and, below 80%, runs the notify remediation.",
      version: 1,
      triggers: [
        { type: "schedule", cron: "0 9 * * *", timezone: "UTC" },
        { type: "compliance_score", metric: "compliance_score", operator: "below", threshold: 0.8 },
      ],
      filters: {
        resource_types: ["ec2:instance", "s3:bucket"],
        target_tags: ["Owner", "Environment", "Application"],
      },
      steps: [
        {
          id: "check_compliance",
          name: "Check tag compliance",
          action: "tag_compliance.check_tag_compliance",
          inputs: { resource_types: ["ec2:instance", "s3:bucket"], severity: "all" },
        },
        {
          id: "score_unreadable",
          name: "Alert and stop when nothing could be read (no compliance score)",
          condition: "{{ steps.check_compliance.output.compliance_score == null }}",
          action: "notification.send",
          inputs: {
            channel: "email",
            to: "workflow-owner",
            subject: "Tag compliance could not be measured",
            body: "No compliance score: {{ steps.check_compliance.output.score_reason }}",
          },
          on_true: "stop",
        },
        {
          id: "below_threshold",
          name: "Continue only when the compliance score is below 80%",
          condition:
            "{{ steps.check_compliance.output.compliance_score != null && steps.check_compliance.output.compliance_score < 0.8 }}",
          on_false: "stop",
        },
        {
          id: "notify_owners",
          name: "Notify the owners of non-compliant resources",
          action: "notification.send",
          inputs: {
            channel: "email",
            to: "resource-owner",
            subject: "Tag compliance below threshold",
            body:
              "Tag compliance is {{ steps.check_compliance.output.compliance_score }} ({{ steps.check_compliance." +
              "output.compliant }} of {{ steps.check_compliance.output.total }} resources compliant).",
            violations: "{{ steps.check_compliance.output.violations }}",
          },
        },
      ],
      metadata: {
        generated_by: "tag-compliance-cloud",
        generated_at: "2026-02-03T04:05:06.000Z",
        policy_version: "1.0",
        remediation_strategy: "notify",
        threshold: 0.8,
        schedule: "daily",
      },
    });
    expect(result.counts).toEqual({ steps: 4, resource_types: 2, target_tags: 3 });
  });

  // The resource type list is one object used in three places: without aliasDuplicateObjects: false
  // the writer would emit it once as &a1 and then *a1.
  it.each(["notify", "auto_tag", "report"] as const)("writes no YAML anchors or aliases (%s)", (strategy) => {
    const { yaml } = generate({
      remediation_strategy: strategy,
      resource_types: ["rds:db", "lambda:function"],
    });
    expect(anchorsAndAliases(yaml)).toEqual([]);
    expect(yaml).not.toMatch(/(^|[\s:[,-])[&*][A-Za-z0-9_-]+/m);
  });

  it.each([
    ["daily", "0 9 * * *"],
    ["weekly", "0 9 * * 1"],
    ["monthly", "0 9 1 * *"],
    ["30  6 * * 1-5", "30 6 * * 1-5"],
    ["*/15 * * * *", "*/15 * * * *"],
  ])("schedules %s as %s", (schedule, cron) => {
    const result = generate({ schedule });
    expect(result.cron).toBe(cron);
    expect(parse(result.yaml).triggers[0]).toEqual({ type: "schedule", cron, timezone: "UTC" });
  });

  it("adds the missing tags with each service's own tagging command", () => {
    const result = generate({
      remediation_strategy: "auto_tag",
      threshold: 0.95,
      resource_types: ["ec2:instance", "s3:bucket", "rds:db", "lambda:function"],
      target_tags: ["Environment", "Owner"],
    });
    const steps = parse(result.yaml).steps as Record<string, unknown>[];
    const tagging = steps.filter((step) => String(step.id).startsWith("tag_"));
    expect(tagging.map((step) => [step.id, step.when])).toEqual([
      [
        "tag_ec2_instance_environment",
        { resource_type: "ec2:instance", violation_type: "missing_required_tag", tag_name: "Environment" },
      ],
      [
        "tag_ec2_instance_owner",
        { resource_type: "ec2:instance", violation_type: "missing_required_tag", tag_name: "Owner" },
      ],
      [
        "tag_s3_bucket_owner",
        { resource_type: "s3:bucket", violation_type: "missing_required_tag", tag_name: "Owner" },
      ],
      [
        "tag_rds_db_environment",
        { resource_type: "rds:db", violation_type: "missing_required_tag", tag_name: "Environment" },
      ],
      [
        "tag_rds_db_owner",
        { resource_type: "rds:db", violation_type: "missing_required_tag", tag_name: "Owner" },
      ],
      [
        "tag_lambda_function_environment",
        { resource_type: "lambda:function", violation_type: "missing_required_tag", tag_name: "Environment" },
      ],
      [
        "tag_lambda_function_owner",
        { resource_type: "lambda:function", violation_type: "missing_required_tag", tag_name: "Owner" },
      ],
    ]);
    const run = (id: string) => tagging.find((step) => step.id === id)?.run;
    expect(run("tag_ec2_instance_environment")).toBe(
      `aws ec2 create-tags --region "{{ item.region }}" --resources "{{ item.resource_id }}" --tags '[{"Key":"Environment","Value":"production"}]'`,
    );
    expect(run("tag_rds_db_owner")).toBe(
      `aws rds add-tags-to-resource --region "{{ item.region }}" --resource-name "{{ item.resource_arn }}" --tags '[{"Key":"Owner","Value":"unassigned@example.com"}]'`,
    );
    expect(run("tag_lambda_function_owner")).toBe(
      `aws lambda tag-resource --region "{{ item.region }}" --resource "{{ item.resource_arn }}" --tags '{"Owner":"unassigned@example.com"}'`,
    );
    expect(run("tag_s3_bucket_owner")).toBe(
      [
        `current=$(aws s3api get-bucket-tagging --bucket "{{ item.resource_id }}" --query TagSet --output json 2>&1) || case "$current" in *NoSuchTagSet*) current='[]' ;; *) echo "$current" >&2; exit 1 ;; esac`,
        `aws s3api put-bucket-tagging --bucket "{{ item.resource_id }}" --tagging "$(printf '%s' "$current" | jq -c --argjson add '[{"Key":"Owner","Value":"unassigned@example.com"}]' '{TagSet: ((. + $add) | reverse | unique_by(.Key))}')"`,
      ].join("\n"),
    );
    expect(steps[2]?.condition).toBe(
      "{{ steps.check_compliance.output.compliance_score != null && steps.check_compliance.output.compliance_score < 0.95 }}",
    );
    expect(steps.at(-1)).toEqual({
      id: "verify",
      name: "Check tag compliance again",
      action: "tag_compliance.check_tag_compliance",
      inputs: {
        resource_types: ["ec2:instance", "s3:bucket", "rds:db", "lambda:function"],
        force_refresh: true,
      },
    });
  });

  it("tags other types through the Resource Groups Tagging API, global ones in us-east-1", () => {
    const result = generate({
      remediation_strategy: "auto_tag",
      resource_types: ["dynamodb:table", "cloudfront:distribution"],
      target_tags: ["Project"],
    });
    expect(result.workflow.steps.filter((step) => "run" in step).map((step) => step.run)).toEqual([
      `aws resourcegroupstaggingapi tag-resources --region "{{ item.region }}" --resource-arn-list "{{ item.resource_arn }}" --tags '{"Project":"tagc-unassigned"}'`,
      `aws resourcegroupstaggingapi tag-resources --region "us-east-1" --resource-arn-list "{{ item.resource_arn }}" --tags '{"Project":"tagc-unassigned"}'`,
    ]);
  });

  it("quotes tag values for the shell", () => {
    const policy = fixturePolicy();
    policy.required_tags[1]!.allowed_values = ["it's prod"];
    const result = generateOpenOpsWorkflow(
      policy,
      { remediation_strategy: "auto_tag", resource_types: ["ec2:volume"] },
      NOW,
    );
    expect(result.workflow.steps[3]?.run).toBe(
      `aws ec2 create-tags --region "{{ item.region }}" --resources "{{ item.resource_id }}" --tags '[{"Key":"Environment","Value":"it'"'"'s prod"}]'`,
    );
  });

  it("builds and sends a report with the report strategy", () => {
    const steps = generate({ remediation_strategy: "report", resource_types: ["rds:db"] }).workflow.steps;
    expect(steps.slice(3)).toEqual([
      {
        id: "build_report",
        name: "Build the compliance report",
        action: "tag_compliance.generate_compliance_report",
        inputs: { resource_types: ["rds:db"], format: "markdown", include_recommendations: true },
      },
      {
        id: "publish_report",
        name: "Send the report",
        action: "notification.send",
        inputs: {
          channel: "email",
          subject: "Tag compliance report",
          body: "{{ steps.build_report.output }}",
        },
      },
    ]);
  });

  it.each([
    [{ schedule: "hourly" }, "schedule", 'got 1 field(s) in "hourly"'],
    [{ schedule: "0 9 * *" }, "schedule", "got 4 field(s)"],
    [{ schedule: "0 25 * * *" }, "schedule", "expected range 0-23"],
    [{ schedule: "0 0 L * *" }, "schedule", '"L" is not a cron value'],
    [{ threshold: 1.2 }, "threshold", "threshold:"],
    [{ threshold: -0.1 }, "threshold", "threshold:"],
    [{ remediation_strategy: "fix" }, "remediation_strategy", "remediation_strategy:"],
    [{ resource_types: ["sns:topic"] }, "resource_types", "sns:topic is a free resource type"],
  ])("rejects %j naming %s", (input, field, message) => {
    const run = () => generate(input as OpenOpsInput);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreInputError);
      expect((error as CoreInputError).field).toBe(field);
    }
  });
});
