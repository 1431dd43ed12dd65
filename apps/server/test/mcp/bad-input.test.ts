// Every tool's bad inputs come back as isError results naming the field — never a protocol crash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, startMcpHarness } from "./harness";

let h: McpHarness;
let acme: Awaited<ReturnType<McpHarness["connect"]>>;
beforeAll(async () => {
  h = await startMcpHarness();
  acme = await h.connect(h.acme.apiKey);
}, 120_000);
afterAll(() => h?.close());

const eleven = Array.from({ length: 11 }, () => "ec2:instance");
const many = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `arn:aws:ec2:us-east-1:222222222222:instance/i-${String(i).padStart(17, "0")}`,
  );

const cases: [tool: string, args: Record<string, unknown>, mentions: RegExp][] = [
  ["check_tag_compliance", {}, /resource_types/],
  ["check_tag_compliance", { resource_types: [] }, /resource_types|at least one/],
  ["check_tag_compliance", { resource_types: 42 }, /resource_types/],
  [
    "check_tag_compliance",
    { resource_types: ["ec2:vpc"] },
    /^resource_types: ec2:vpc is a free resource type/,
  ],
  [
    "check_tag_compliance",
    { resource_types: ["rds:db-instance"] },
    /^resource_types: rds:db-instance is not a known resource type \(known: rds:db, rds:cluster\)/,
  ],
  ["check_tag_compliance", { resource_types: eleven }, /at most 10 resource types/],
  ["check_tag_compliance", { resource_types: ["all"], unknown_key: true }, /Unrecognized key.*unknown_key/],
  ["check_tag_compliance", { resource_types: ["all"], severity: "loud" }, /severity/],
  ["check_tag_compliance", { resource_types: ["all"], filters: { regions: ["mars-1"] } }, /filters\.regions/],
  [
    "check_tag_compliance",
    { resource_types: ["all"], filters: { regions: ["ap-south-1"] } },
    /^filters\.regions: ap-south-1 is not enabled for this account; available regions: eu-west-1, us-east-1/,
  ],
  [
    "check_tag_compliance",
    { resource_types: ["all"], accounts: ["999999999999"] },
    /^accounts: 999999999999 is not a connected account of this client/,
  ],
  [
    "check_tag_compliance",
    { resource_types: ["all"], filters: { account_id: "999999999999" } },
    /^filters\.account_id: 999999999999 is not a connected account of this client/,
  ],
  ["check_tag_compliance", { resource_types: ["all"], cursor: "bogus" }, /^cursor: /],
  ["find_untagged_resources", { resource_types: ["all"], min_cost_threshold: -5 }, /min_cost_threshold/],
  [
    "find_untagged_resources",
    { resource_types: ["all"], regions: ["ap-south-1"] },
    /^regions: ap-south-1 is not enabled for this account/,
  ],
  ["validate_resource_tags", { resource_arns: [] }, /resource_arns/],
  ["validate_resource_tags", { resource_arns: ["not-an-arn"] }, /resource_arns/],
  [
    "validate_resource_tags",
    { resource_arns: ["arn:aws:ec2:us-east-1:333333333333:instance/i-0b00000000000001"] },
    /^resource_arns\[0\]: belongs to AWS account 333333333333/,
  ],
  ["validate_resource_tags", { resource_arns: many(101) }, /at most 100 ARNs/],
  [
    "get_cost_attribution_gap",
    { resource_types: ["all"], time_period: { Start: "2026-13-01", End: "2026-14-01" } },
    /time_period/,
  ],
  [
    "get_cost_attribution_gap",
    { resource_types: ["all"], time_period: { Start: "2026-10-10", End: "2026-10-01" } },
    /^time_period\.End: must be after time_period\.Start/,
  ],
  ["get_cost_attribution_gap", { resource_types: ["all"], group_by: "color" }, /group_by/],
  ["suggest_tags", { resource_arn: "arn:aws:iam::222222222222:role/x" }, /^resource_arn: /],
  ["get_tagging_policy", { extra: 1 }, /Unrecognized key/],
  [
    "generate_compliance_report",
    { resource_types: ["all"], format: "pdf" },
    /^format: must be json, csv, markdown or html/,
  ],
  ["get_violation_history", { days_back: 91 }, /days_back/],
  ["get_violation_history", { group_by: "year" }, /group_by/],
  ["generate_custodian_policy", { violation_types: ["wrong_type"] }, /violation_types/],
  ["generate_openops_workflow", { schedule: "every tuesday" }, /schedule/],
  ["generate_openops_workflow", { threshold: 2 }, /threshold/],
  ["schedule_compliance_audit", { schedule: "daily", time: "25:00", timezone: "UTC" }, /^time: /],
  [
    "schedule_compliance_audit",
    { schedule: "daily", time: "09:00", timezone: "Mars/Olympus" },
    /^timezone: /,
  ],
  ["schedule_compliance_audit", { schedule: "hourly", time: "09:00" }, /schedule/],
  [
    "schedule_compliance_audit",
    { schedule: "daily", time: "09:00", recipients: ["not-an-email"] },
    /recipients/,
  ],
  // Alert targets (issue 15): https only, never a private, loopback, link-local or metadata address,
  // real e-mail addresses; the field is named and the URL (a credential) never echoed.
  ...(
    [
      ["slack", "http://hooks.slack.example/services/T1/B1/secret", /^deliver\.slack: must use https/],
      ["teams", "https://10.0.0.1/webhook/secret", /^deliver\.teams: must not point at a private/],
      ["slack", "https://127.0.0.1/secret", /^deliver\.slack: must not point at a private/],
      ["teams", "https://169.254.169.254/latest/meta-data/", /^deliver\.teams: must not point at a private/],
      ["slack", "https://[::ffff:7f00:1]/secret", /^deliver\.slack: must not point at a private/],
      ["teams", "https://metadata.google.internal/secret", /^deliver\.teams: must not point at a private/],
      ["slack", "not a url", /^deliver\.slack: must be an absolute https URL/],
      ["email", ["not-an-email"], /^deliver\.email\.0: "not-an-email" is not an e-mail address/],
      ["fallback", "cloud@acme.example", /^deliver\.owner_tag: is required with owners or fallback/],
    ] as const
  ).map(([field, value, mentions]): [string, Record<string, unknown>, RegExp] => [
    "schedule_compliance_audit",
    { schedule: "daily", time: "09:00", deliver: { [field]: value } },
    mentions,
  ]),
  [
    "schedule_compliance_audit",
    { schedule: "daily", time: "09:00", deliver: { owner_tag: "Owner", owners: { web: "nope" } } },
    /^deliver\.owners\.web: "nope" is not an e-mail address/,
  ],
  ["detect_tag_drift", { resource_types: ["all"], lookback_days: 0 }, /lookback_days/],
  [
    "detect_tag_drift",
    { resource_types: ["all"], tag_keys: ["Nope"] },
    /^tag_keys: Nope is not a tag of the policy/,
  ],
  ["export_violations_csv", { resource_types: ["all"], columns: ["password"] }, /columns/],
  ["import_aws_tag_policy", { policy_id: "../../etc/passwd" }, /policy_id/],
  [
    "import_aws_tag_policy",
    { account_id: "999999999999" },
    /^account_id: 999999999999 is not a connected account of this client/,
  ],
  ["export_for_automation", { target_platform: "chef" }, /target_platform/],
  ["generate_terraform_policy", { policy_type: "opa" }, /policy_type/],
  ["generate_config_rules", { rule_type: "everything" }, /rule_type/],
];

describe("bad inputs", () => {
  it.each(cases)("%s %j is a tool error naming the field", async (tool, args, mentions) => {
    const result = await h.call(acme, tool, args);
    expect(errorText(result)).toMatch(mentions);
  });

  it("never echoes a refused webhook URL", async () => {
    const text = errorText(
      await h.call(acme, "schedule_compliance_audit", {
        schedule: "daily",
        time: "09:00",
        deliver: { slack: "https://10.0.0.1/services/T1/B1/token-abc" },
      }),
    );
    expect(text).toMatch(/deliver\.slack/);
    expect(text).not.toContain("token-abc");
  });

  it("never leaks a stack trace or an internal path in any of those errors", async () => {
    for (const [tool, args] of cases.slice(0, 8)) {
      const text = errorText(await h.call(acme, tool, args));
      expect(text).not.toMatch(/\s+at \S+ \(|node_modules|\.ts:\d+/);
    }
  });

  it("unwraps a single-element array given for a scalar and accepts a lone type string", async () => {
    const r = ok<{ group_by: string }>(
      await h.call(acme, "get_cost_attribution_gap", {
        resource_types: "ec2:instance",
        group_by: ["region"],
      }),
    );
    expect(r.group_by).toBe("region");
  });
});
