// Every one of the 17 tools, called through the SDK's real Client over HTTP with each tenant's key,
// against numbers computed by hand from ./seed.ts. The same call with the other key answers the other
// account's numbers.

import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { parse as parseYaml } from "yaml";
import { errorText, type McpHarness, ok, START, startMcpHarness } from "./harness";
import { ACME, GLOBEX } from "./seed";

let h: McpHarness;
let acme: Awaited<ReturnType<McpHarness["connect"]>>;
let globex: Awaited<ReturnType<McpHarness["connect"]>>;
// Tool results are checked field by field; this type lets the tests read nested values.
type Loose = Record<string, unknown> & {
  breakdown: Record<string, unknown>;
  data_quality: { status: string };
};
const arn = (id: string, region = "us-east-1", account = ACME) =>
  `arn:aws:ec2:${region}:${account}:instance/${id}`;

beforeAll(async () => {
  h = await startMcpHarness();
  acme = await h.connect(h.acme.apiKey);
  globex = await h.connect(h.globex.apiKey);
}, 120_000);
afterAll(() => h?.close());

describe("discovery", () => {
  it("lists the 17 tools with output schemas; only the two that change settings are not read-only", async () => {
    const { tools } = await acme.listTools();
    expect(tools).toHaveLength(17);
    const changing = ["import_aws_tag_policy", "schedule_compliance_audit"];
    for (const tool of tools) {
      const changes = changing.includes(tool.name);
      expect(tool.annotations).toMatchObject({ readOnlyHint: !changes, destructiveHint: changes });
      expect(tool.inputSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(tool.outputSchema?.type).toBe("object");
    }
    expect(tools.find((t) => t.name === "check_tag_compliance")?.description).toContain("get_tagging_policy");
  });

  it("exposes the client's policy as a resource and two prompts", async () => {
    const resource = await globex.readResource({ uri: "tagc://policy" });
    const policy = JSON.parse((resource.contents[0] as { text: string }).text);
    expect(policy.policy.required_tags.map((t: { name: string }) => t.name)).toEqual(["CostCenter"]);
    const prompts = await acme.listPrompts();
    expect(prompts.prompts.map((p) => p.name).sort()).toEqual([
      "monthly_compliance_review",
      "remediation_plan",
    ]);
  });
});

describe("1 check_tag_compliance", () => {
  it("scores Acme: 2 of 5 compliant, 7 violations, the attribution gap", async () => {
    const r = ok<Loose>(await h.call(acme, "check_tag_compliance", { resource_types: ["all"] }));
    expect(r).toMatchObject({
      compliance_score: 0.4,
      total_resources: 5,
      compliant_resources: 2,
      violations_total: 7,
      stored_in_history: false,
    });
    expect(r.cost_attribution_gap).toMatchObject({
      total_spend: 400,
      attributable_spend: 150,
      unattributable_by_nature: 30,
      gap: 220,
      gap_percentage: 59.46,
    });
    expect(r.by_region).toMatchObject({
      "eu-west-1": { total: 2, compliant: 0 },
      "us-east-1": { total: 2, compliant: 1 },
      global: { total: 1, compliant: 1 },
    });
    expect((r.data_quality as { status: string }).status).toBe("complete");
  });

  // Clients that show the model only `content` (Claude Desktop) must see the same numbers.
  it("answers the summary line then the structured result as JSON in the text block", async () => {
    const result = await h.call(acme, "check_tag_compliance", { resource_types: ["all"], severity: "all" });
    const text = (result.content as { type: string; text: string }[])[0]?.text ?? "";
    const [summary, ...rest] = text.split("\n\n");
    expect(summary).toMatch(/^Compliance score 40.0%: 2 of 5 resources/);
    expect(summary).not.toContain("{");
    expect(JSON.parse(rest.join("\n\n"))).toEqual(result.structuredContent);
  });

  it("scores Globex against its own policy: 1 of 2, one invalid value", async () => {
    const r = ok<Loose>(await h.call(globex, "check_tag_compliance", { resource_types: ["ec2:instance"] }));
    expect(r).toMatchObject({
      compliance_score: 0.5,
      total_resources: 2,
      compliant_resources: 1,
      violations_total: 1,
    });
    expect(r.violations).toEqual([
      expect.objectContaining({
        resource_arn: arn("i-0b00000000000002", "us-east-1", GLOBEX),
        violation_type: "invalid_value",
        current_value: "Marketing",
        cost_impact_monthly: 50,
      }),
    ]);
  });

  it("filters by severity without changing the score, and by region", async () => {
    const warnings = ok<Loose>(
      await h.call(acme, "check_tag_compliance", { resource_types: ["all"], severity: "warnings_only" }),
    );
    expect(warnings).toMatchObject({ compliance_score: 0.4, violations_total: 0 });
    const eu = ok<Loose>(
      await h.call(acme, "check_tag_compliance", {
        resource_types: ["ec2:instance"],
        filters: { region: "eu-west-1" },
      }),
    );
    expect(eu).toMatchObject({ compliance_score: 0, total_resources: 1, regions: ["eu-west-1"] });
  });
});

describe("2 find_untagged_resources", () => {
  it("lists Acme's three resources missing a required tag, with age and cost", async () => {
    const r = ok<{ resources: Record<string, unknown>[]; total_untagged: number }>(
      await h.call(acme, "find_untagged_resources", { resource_types: ["all"], include_costs: true }),
    );
    expect(r.total_untagged).toBe(3);
    const byId = Object.fromEntries(r.resources.map((x) => [x.resource_id, x]));
    expect(byId["i-0a00000000000003"]).toMatchObject({
      missing_required_tags: ["Owner", "Environment", "Application"],
      age_days: 678,
      monthly_cost_estimate: 200,
      cost_source: "estimated",
    });
    expect(byId["i-0a00000000000002"]).toMatchObject({
      missing_required_tags: ["Application"],
      age_days: 162,
      monthly_cost_estimate: 0,
      cost_source: "stopped",
    });
    expect(byId["acme-fn"]).toMatchObject({
      missing_required_tags: ["Environment", "Application"],
      monthly_cost_estimate: 20,
    });
  });

  it("keeps only resources over a cost threshold; Globex has none untagged", async () => {
    const r = ok<{ total_untagged: number }>(
      await h.call(acme, "find_untagged_resources", { resource_types: ["all"], min_cost_threshold: 100 }),
    );
    expect(r.total_untagged).toBe(1);
    expect(
      ok<{ total_untagged: number }>(
        await h.call(globex, "find_untagged_resources", { resource_types: ["all"] }),
      ).total_untagged,
    ).toBe(0);
  });
});

describe("3 validate_resource_tags", () => {
  it("validates found resources and reports unknown ones as not_found", async () => {
    const r = ok<{ results: Record<string, unknown>[]; summary: Record<string, number> }>(
      await h.call(acme, "validate_resource_tags", {
        resource_arns: [
          arn("i-0a00000000000001"),
          arn("i-0a0000000000dead"),
          "arn:aws:s3:::acme-logs",
          arn("i-0a00000000000003", "eu-west-1"),
        ],
      }),
    );
    expect(r.summary).toEqual({
      total: 4,
      compliant: 2,
      non_compliant: 1,
      not_found: 1,
      excluded: 0,
      not_taggable: 0,
    });
    expect(r.results[1]).toMatchObject({ status: "not_found", compliant: null });
    expect(r.results[3]?.violations).toHaveLength(3);
  });

  it("refuses another tenant's ARN", async () => {
    expect(
      errorText(
        await h.call(globex, "validate_resource_tags", { resource_arns: [arn("i-0a00000000000001")] }),
      ),
    ).toBe("resource_arns[0]: belongs to AWS account 222222222222, which is not connected to this client");
  });
});

describe("4 get_cost_attribution_gap", () => {
  it("breaks Acme's gap down by resource type", async () => {
    const r = ok<Loose>(await h.call(acme, "get_cost_attribution_gap", { resource_types: ["all"] }));
    expect(r).toMatchObject({
      total_spend: 400,
      attributable_spend: 150,
      unattributable_by_nature: 30,
      taggable_spend: 370,
      attribution_gap: 220,
      attribution_gap_percentage: 59.46,
    });
    expect(r.breakdown).toMatchObject({
      "ec2:instance": { total: 300, attributable: 100, gap: 200, resources_scanned: 3 },
      "lambda:function": { total: 20, attributable: 0, gap: 20 },
      "s3:bucket": { total: 50, attributable: 50, gap: 0, note: "all properly tagged" },
    });
  });

  it("computes Globex's gap from its own spend, by service", async () => {
    const r = ok<Loose>(
      await h.call(globex, "get_cost_attribution_gap", { resource_types: ["all"], group_by: "service" }),
    );
    expect(r).toMatchObject({
      total_spend: 110,
      attributable_spend: 60,
      attribution_gap: 50,
      attribution_gap_percentage: 45.45,
    });
    expect(Object.keys(r.breakdown).sort()).toEqual([
      "Amazon DynamoDB",
      "Amazon Elastic Compute Cloud - Compute",
    ]);
  });

  it("rejects a period longer than 365 days", async () => {
    expect(
      errorText(
        await h.call(acme, "get_cost_attribution_gap", {
          resource_types: ["all"],
          time_period: { Start: "2025-01-01", End: "2026-06-01" },
        }),
      ),
    ).toContain("time_period: may span at most 365 days");
  });
});

describe("5 suggest_tags", () => {
  it("suggests Application from similar resources, with the formula's confidence", async () => {
    const r = ok<{ suggestions: Record<string, unknown>[] }>(
      await h.call(acme, "suggest_tags", { resource_arn: arn("i-0a00000000000002") }),
    );
    // 0.70 × share 1 × min(1, 1 sample / 5) = 0.14
    expect(r.suggestions).toEqual([
      expect.objectContaining({ tag: "Application", value: "shop", confidence: 0.14 }),
    ]);
  });

  it("works for S3 buckets and answers not found for unknown resources", async () => {
    const bucket = ok<{ resource_arn: string }>(
      await h.call(acme, "suggest_tags", { resource_arn: "arn:aws:s3:::acme-logs" }),
    );
    expect(bucket.resource_arn).toBe("arn:aws:s3:::acme-logs");
    expect(
      errorText(
        await h.call(globex, "suggest_tags", {
          resource_arn: arn("i-0b0000000000dead", "us-east-1", GLOBEX),
        }),
      ),
    ).toContain("AWS does not know");
  });
});

describe("6 get_tagging_policy", () => {
  it("returns each client's own policy and the types it covers", async () => {
    const a = ok<Loose>(await h.call(acme, "get_tagging_policy"));
    expect(a).toMatchObject({ version: 1, source: "default", required_tag_count: 3, optional_tag_count: 2 });
    expect((a.all_applicable_resource_types as string[]).length).toBe(50);
    const g = ok<Loose>(await h.call(globex, "get_tagging_policy"));
    expect(g).toMatchObject({
      version: 2,
      source: "uploaded",
      required_tag_count: 1,
      all_applicable_resource_types: ["ec2:instance"],
    });
  });
});

describe("7 generate_compliance_report", () => {
  it("renders Markdown with the summary numbers and recommendations", async () => {
    const r = ok<{ content: string }>(
      await h.call(acme, "generate_compliance_report", { resource_types: ["all"], format: "MARKDOWN" }),
    );
    expect(r.content).toContain("| Compliance score | 40% |");
    expect(r.content).toContain("| Attribution gap | $220.00 (59.46%) |");
    expect(r.content).toMatch(/## Recommendations\n\n1\. /);
  });

  it("renders RFC 4180 CSV that parses, and rejects an unknown format before scanning", async () => {
    const csv = ok<{ content: string }>(
      await h.call(globex, "generate_compliance_report", { resource_types: ["all"], format: "csv" }),
    );
    expect(parseCsv(csv.content, { relax_column_count: true }).length).toBeGreaterThan(1);
    h.sandbox.resetCounters();
    expect(
      errorText(await h.call(acme, "generate_compliance_report", { resource_types: ["all"], format: "pdf" })),
    ).toBe("format: must be json, csv, markdown or html");
    expect(h.sandbox.counters().total).toBe(0);
  });
});

describe("8 get_violation_history", () => {
  it("reads only the caller's snapshots", async () => {
    ok(
      await h.call(acme, "check_tag_compliance", {
        resource_types: ["all"],
        store_snapshot: true,
        severity: "errors_only",
      }),
    );
    const a = ok<{ periods: Record<string, unknown>[] }>(
      await h.call(acme, "get_violation_history", { days_back: 7 }),
    );
    expect(a.periods).toEqual([
      expect.objectContaining({ period: "2026-11-10", mean_score: 0.4, total_resources: 5, violations: 7 }),
    ]);
    const g = ok<{ periods: unknown[]; snapshot_count: number }>(
      await h.call(globex, "get_violation_history", { days_back: 7 }),
    );
    expect(g.snapshot_count).toBe(0);
  });
});

describe("9, 10, 16, 17 generators", () => {
  it("Custodian policies follow each client's policy and parse", async () => {
    const a = ok<{ combined_yaml: string }>(
      await h.call(acme, "generate_custodian_policy", { resource_types: ["ec2:instance"] }),
    );
    const doc = parseYaml(a.combined_yaml) as { policies: { resource: string; filters: unknown[] }[] };
    expect(doc.policies.every((p) => p.resource === "ec2")).toBe(true);
    expect(a.combined_yaml).toContain("tag:Owner");
    const g = ok<{ combined_yaml: string }>(await h.call(globex, "generate_custodian_policy", {}));
    expect(g.combined_yaml).toContain("CostCenter");
    expect(g.combined_yaml).not.toContain("Owner");
  });

  it("OpenOps, Terraform and Config outputs reflect the client's tags", async () => {
    const openops = ok<{ yaml: string }>(
      await h.call(globex, "generate_openops_workflow", { remediation_strategy: "auto_tag", threshold: 0.9 }),
    );
    expect(parseYaml(openops.yaml)).toMatchObject({
      triggers: expect.arrayContaining([expect.objectContaining({ threshold: 0.9 })]),
    });
    const tf = ok<{ hcl: string }>(
      await h.call(acme, "generate_terraform_policy", { policy_type: "config_rule" }),
    );
    expect(tf.hcl).toContain('source_identifier = "REQUIRED_TAGS"');
    const rules = ok<{ rules: { InputParameters: string }[] }>(
      await h.call(globex, "generate_config_rules", { rule_type: "allowed_values" }),
    );
    expect(JSON.parse(rules.rules[0]!.InputParameters)).toMatchObject({
      tag1Key: "CostCenter",
      tag1Value: "Engineering,Sales",
    });
  });
});

describe("11 schedule_compliance_audit", () => {
  it("creates, lists and cancels the caller's schedules only", async () => {
    const created = ok<{ schedules: Record<string, string>[] }>(
      await h.call(acme, "schedule_compliance_audit", {
        schedule: "daily",
        time: "09:00",
        timezone: "Europe/Paris",
        recipients: ["finops@acme.io"],
      }),
    );
    // 09:00 in Paris (UTC+1 in November) after 2026-11-10T12:00Z is the next morning at 08:00Z.
    expect(created.schedules[0]).toMatchObject({
      cron_expression: "0 9 * * *",
      next_run: "2026-11-11T08:00:00.000Z",
      status: "active",
    });
    const id = created.schedules[0]!.schedule_id;
    expect(
      ok<{ schedules: unknown[] }>(await h.call(globex, "schedule_compliance_audit", { action: "list" }))
        .schedules,
    ).toEqual([]);
    expect(
      errorText(await h.call(globex, "schedule_compliance_audit", { action: "cancel", schedule_id: id })),
    ).toContain("was not found");
    const cancelled = ok<{ schedules: Record<string, string>[] }>(
      await h.call(acme, "schedule_compliance_audit", { action: "cancel", schedule_id: id }),
    );
    expect(cancelled.schedules[0]?.status).toBe("cancelled");
  });
});

describe("12 detect_tag_drift", () => {
  it("establishes a baseline, then reports removed, changed and added values with severities", async () => {
    const first = ok<{ baseline_established: boolean }>(
      await h.call(globex, "detect_tag_drift", { resource_types: ["ec2:instance"] }),
    );
    expect(first.baseline_established).toBe(true);
    const account = h.sandbox.world.accounts.get(GLOBEX)!;
    const [g1, g2] = ["i-0b00000000000001", "i-0b00000000000002"].map(
      (id) => account.resources.find((r) => r.id === id)!,
    );
    const before = [g1!.tags, g2!.tags];
    onTestFinished(() => {
      [g1!.tags, g2!.tags] = before as [Record<string, string>, Record<string, string>];
      h.clock.set(START);
    });
    g1!.tags = {};
    g2!.tags = { CostCenter: "Sales" };
    h.clock.advance(2 * 86_400_000);
    const second = ok<{ changes: Record<string, unknown>[] }>(
      await h.call(globex, "detect_tag_drift", { resource_types: ["ec2:instance"], lookback_days: 1 }),
    );
    expect(second.changes).toEqual([
      expect.objectContaining({
        resource_arn: arn("i-0b00000000000001", "us-east-1", GLOBEX),
        tag_key: "CostCenter",
        change_type: "removed",
        severity: "critical",
        old_value: "Engineering",
      }),
      expect.objectContaining({
        resource_arn: arn("i-0b00000000000002", "us-east-1", GLOBEX),
        tag_key: "CostCenter",
        change_type: "changed",
        old_value: "Marketing",
        new_value: "Sales",
        severity: "info",
      }),
    ]);
  });
});

describe("13 export_violations_csv", () => {
  it("exports RFC 4180 CSV with the chosen columns", async () => {
    const r = ok<{ csv: string; total: number }>(
      await h.call(acme, "export_violations_csv", {
        resource_types: ["all"],
        columns: ["resource_arn", "tag_name", "allowed_values"],
      }),
    );
    const rows = parseCsv(r.csv, { columns: true }) as Record<string, string>[];
    expect(r.total).toBe(7);
    expect(rows).toHaveLength(7);
    expect(
      rows.find((row) => row.tag_name === "Environment" && row.resource_arn === arn("i-0a00000000000002"))
        ?.allowed_values,
    ).toBe("production; staging; development; test");
  });
});

describe("14 import_aws_tag_policy", () => {
  it("lists, previews with warnings, and applies as a new policy version", async () => {
    expect(ok<{ total: number }>(await h.call(acme, "import_aws_tag_policy")).total).toBe(1);
    const preview = ok<Loose>(await h.call(acme, "import_aws_tag_policy", { policy_id: "p-acme0001" }));
    expect(preview).toMatchObject({ mode: "preview", applied: false });
    expect((preview.warnings as string[])[0]).toContain("prod*");
    const applied = ok<Loose>(
      await h.call(acme, "import_aws_tag_policy", { policy_id: "p-acme0001", apply: true }),
    );
    expect(applied).toMatchObject({ mode: "apply", applied: true, new_version: 2 });
    const policy = ok<Loose>(await h.call(acme, "get_tagging_policy"));
    expect(policy).toMatchObject({
      version: 2,
      source: "imported",
      source_ref: "p-acme0001",
      all_applicable_resource_types: ["ec2:instance"],
    });
  });

  it("says plainly when the account has no organization", async () => {
    expect(errorText(await h.call(globex, "import_aws_tag_policy"))).toContain(
      "not a member of an AWS Organization",
    );
  });
});

describe("15 export_for_automation", () => {
  it("exports Ansible variables for Globex's one violation", async () => {
    const r = ok<{ content: string }>(
      await h.call(globex, "export_for_automation", { target_platform: "ansible", format: "yaml" }),
    );
    const vars = parseYaml(r.content) as Record<string, { resource: string; tags: Record<string, string> }[]>;
    expect(vars.tag_compliance_ec2_tag).toEqual([
      expect.objectContaining({ resource: "i-0b00000000000002", tags: { CostCenter: "Engineering" } }),
    ]);
  });
});
