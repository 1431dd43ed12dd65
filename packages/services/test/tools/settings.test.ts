// The verbs of the tools that read or change the client's own settings (6, 8, 11, 14) and the four
// generators (9, 10, 16, 17), through callTool: each sees only its tenant's policy and rows, and each
// generator's output is what its output schema describes.
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { TOOLS } from "../../src/tools/catalog";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { generateConfigRules } from "../../src/tools/generate-config-rules";
import { generateCustodianPolicy } from "../../src/tools/generate-custodian-policy";
import { generateOpenopsWorkflow } from "../../src/tools/generate-openops-workflow";
import { generateTerraformPolicy } from "../../src/tools/generate-terraform-policy";
import { getTaggingPolicy } from "../../src/tools/get-tagging-policy";
import { getViolationHistory } from "../../src/tools/get-violation-history";
import { importAwsTagPolicy } from "../../src/tools/import-aws-tag-policy";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { failed, ok, useToolsHarness } from "./harness";

describe("the settings and generator tools' verbs", () => {
  const harness = useToolsHarness("pglite");

  it("6 get_tagging_policy returns each tenant's own policy", async () => {
    const h = harness();
    const acme = ok(await h.call(h.acme, getTaggingPolicy, {}));
    const globex = ok(await h.call(h.globex, getTaggingPolicy, {}));
    expect(acme.policy.required_tags.map((t) => t.name)).toEqual(["Owner", "Environment", "Application"]);
    expect(globex.policy.required_tags.map((t) => t.name)).toEqual(["CostCenter"]);
    expect(globex.all_applicable_resource_types).toEqual(["ec2:instance"]);
  });

  it("8 get_violation_history reads only the caller's snapshots", async () => {
    const h = harness();
    ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"], store_snapshot: true }));
    const acme = ok(await h.call(h.acme, getViolationHistory, { days_back: 7 }));
    expect(acme.periods).toEqual([expect.objectContaining({ period: "2026-11-10", mean_score: 0.4 })]);
    expect(ok(await h.call(h.globex, getViolationHistory, { days_back: 7 })).periods).toEqual([]);
  });

  it("11 schedule_compliance_audit creates, lists and cancels the caller's schedules only", async () => {
    const h = harness();
    const created = ok(
      await h.call(h.globex, scheduleComplianceAudit, {
        schedule: "daily",
        time: "09:00",
        timezone: "Europe/Paris",
      }),
    );
    const [schedule] = created.schedules;
    // 09:00 in Paris (UTC+1 in November) after 2026-11-10T12:00Z is the next morning at 08:00Z.
    expect(schedule).toMatchObject({ next_run: "2026-11-11T08:00:00.000Z", cron_expression: "0 9 * * *" });
    expect(ok(await h.call(h.acme, scheduleComplianceAudit, { action: "list" })).schedules).toEqual([]);
    const foreign = failed(
      await h.call(h.acme, scheduleComplianceAudit, { action: "cancel", schedule_id: schedule?.schedule_id }),
    );
    expect(foreign.code).toBe("NOT_FOUND");
    const badTime = failed(
      await h.call(h.globex, scheduleComplianceAudit, { schedule: "daily", time: "25:00" }),
    );
    expect(badTime.message).toMatch(/^time: /);
  });

  it("14 import_aws_tag_policy previews, then applies a new version for the caller only", async () => {
    const h = harness();
    const listed = ok(await h.call(h.acme, importAwsTagPolicy, {}));
    expect(listed).toMatchObject({ mode: "list", total: 1 });
    const preview = ok(await h.call(h.acme, importAwsTagPolicy, { policy_id: "p-acme0001" }));
    expect(preview).toMatchObject({ mode: "preview", applied: false });
    const readOnly = failed(
      await h.call(
        h.acme,
        importAwsTagPolicy,
        { policy_id: "p-acme0001", apply: true },
        { scopes: ["mcp:read"] },
      ),
    );
    expect(readOnly.code).toBe("FORBIDDEN");
    const applied = ok(await h.call(h.acme, importAwsTagPolicy, { policy_id: "p-acme0001", apply: true }));
    expect(applied).toMatchObject({ mode: "apply", applied: true, new_version: 2 });
    expect(ok(await h.call(h.globex, getTaggingPolicy, {})).version).toBe(2);
    const none = failed(await h.call(h.globex, importAwsTagPolicy, {}));
    expect(none.message).toContain("not a member of an AWS Organization");
  });

  it("9, 10, 16, 17 generate from each tenant's policy, and their outputs match their output schemas", async () => {
    const h = harness();
    const custodian = ok(await h.call(h.globex, generateCustodianPolicy, {}));
    expect(custodian.policies.map((p) => p.resource_type)).toEqual(["ec2:instance", "ec2:instance"]);
    expect(parseYaml(custodian.combined_yaml ?? "").policies).toHaveLength(2);
    const openops = ok(await h.call(h.globex, generateOpenopsWorkflow, { schedule: "weekly" }));
    expect(openops.cron).toBe("0 9 * * 1");
    const terraform = ok(await h.call(h.globex, generateTerraformPolicy, { policy_type: "config_rule" }));
    expect(terraform.rules).toEqual([{ name: expect.any(String), tags: ["CostCenter"] }]);
    const config = ok(await h.call(h.globex, generateConfigRules, { rule_type: "allowed_values" }));
    expect(JSON.parse(config.rules[0]?.InputParameters ?? "{}")).toEqual({
      tag1Key: "CostCenter",
      tag1Value: "Engineering,Sales",
    });
    // Each output, as produced, parses with its tool's output schema.
    const outputs = { custodian, openops, terraform, config };
    const byName = new Map(TOOLS.map((t) => [t.name, t]));
    for (const [name, output] of [
      ["generate_custodian_policy", outputs.custodian],
      ["generate_openops_workflow", outputs.openops],
      ["generate_terraform_policy", outputs.terraform],
      ["generate_config_rules", outputs.config],
    ] as const) {
      expect(byName.get(name)?.output.safeParse(output).success, name).toBe(true);
    }
  });
});
