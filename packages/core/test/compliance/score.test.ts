import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "../../src/compliance/score";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

type SeverityFilter = "all" | "errors_only" | "warnings_only";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [
    { name: "Owner", description: "" },
    { name: "Environment", description: "", allowed_values: ["prod", "dev"], validation_regex: "prod" },
    { name: "Backup", description: "", applies_to: ["rds:db"] },
  ],
  optional_tags: [],
};
const good = { Owner: "a", Environment: "prod" };
const bucket = (name: string, tags: Record<string, string>): Resource =>
  resource(name, { arn: `arn:aws:s3:::${name}`, type: "s3:bucket", region: "global", tags });

describe("evaluateCompliance", () => {
  const resources: Resource[] = [
    resource("i-1", { tags: good }),
    resource("i-2", { tags: { Owner: "a" } }), // missing Environment
    resource("i-3", { tags: { Owner: "a", Environment: "dev" } }), // invalid_format (warning)
    resource("i-4", { tags: {}, region: "eu-west-1", account_id: "222222222222" }), // two errors
    resource("i-5", { tags: {}, state: "terminated" }),
    resource("i-6", { tags: {}, state: "shutting-down" }),
    resource("i-7", { tags: good, state: "stopped" }), // stopped still counts
    resource("vpc-1", { type: "ec2:vpc", tags: {} }), // free type: never in scope
    resource("fn", { type: "lambda:function", tags: {} }), // not requested
  ];
  const run = (severity: SeverityFilter = "all") =>
    evaluateCompliance({ policy, resources, resourceTypes: ["ec2:instance", "ec2:vpc"], severity });

  it("scores compliant / in scope over scannable, live, requested resources", () => {
    const result = run();
    expect(result.total_resources).toBe(5);
    expect(result.compliant_resources).toBe(2);
    expect(result.non_compliant_resources).toBe(3);
    expect(result.compliance_score).toBe(0.4);
    expect(result.violation_counts).toEqual({ total: 4, errors: 3, warnings: 1 });
  });

  it("lists violations ordered by ARN, then policy order", () => {
    expect(run().violations.map((v) => [v.resource_id, v.tag_name, v.violation_type])).toEqual([
      ["i-2", "Environment", "missing_required_tag"],
      ["i-3", "Environment", "invalid_format"],
      ["i-4", "Owner", "missing_required_tag"],
      ["i-4", "Environment", "missing_required_tag"],
    ]);
  });

  it("filters only the listing by severity, never the score or totals", () => {
    const all = run("all");
    const errors = run("errors_only");
    const warnings = run("warnings_only");
    expect(errors.violations.map((v) => v.resource_id)).toEqual(["i-2", "i-4", "i-4"]);
    expect(warnings.violations.map((v) => v.resource_id)).toEqual(["i-3"]);
    for (const filtered of [errors, warnings]) {
      expect({ ...filtered, violations: [] }).toEqual({ ...all, violations: [] });
    }
  });

  it("breaks down by region and account with all violations counted", () => {
    const result = run("warnings_only");
    expect(result.by_region).toEqual({
      "eu-west-1": { total: 1, compliant: 0, score: 0, violations: 2 },
      "us-east-1": { total: 4, compliant: 2, score: 0.5, violations: 2 },
    });
    expect(result.by_account).toEqual({
      "111111111111": { total: 4, compliant: 2, score: 0.5, violations: 2 },
      "222222222222": { total: 1, compliant: 0, score: 0, violations: 2 },
    });
  });

  it("rounds the score to 4 decimals", () => {
    const three = [resource("a", { tags: good }), resource("b", { tags: good }), resource("c")];
    const result = evaluateCompliance({ policy, resources: three, resourceTypes: ["ec2:instance"] });
    expect(result.compliance_score).toBe(0.6667);
    expect(result.by_region["us-east-1"]?.score).toBe(0.6667);
  });

  it("gives no score (null, never 1.0) with nothing in scope", () => {
    const result = evaluateCompliance({ policy, resources: [], resourceTypes: ["all"] });
    expect(result).toEqual({
      compliance_score: null,
      total_resources: 0,
      compliant_resources: 0,
      non_compliant_resources: 0,
      excluded: 0,
      cost_weighted_compliance: null,
      cost_weighted_reason: "costs were not read for this call",
      violations: [],
      violation_counts: { total: 0, errors: 0, warnings: 0 },
      by_region: {},
      by_account: {},
      not_taggable: [],
    });
  });

  it("leaves out types no required tag applies to", () => {
    const onlyRds: TaggingPolicy = { ...policy, required_tags: [policy.required_tags[2]!] };
    const result = evaluateCompliance({
      policy: onlyRds,
      resources: [resource("i-1"), resource("db", { type: "rds:db" })],
      resourceTypes: ["all"],
    });
    expect(result.total_resources).toBe(1);
    expect(result.violations.map((v) => v.resource_id)).toEqual(["db"]);
  });

  it("counts a global resource once even when listed by several regional passes", () => {
    const resources = [bucket("logs", {}), bucket("site", good), bucket("logs", {})];
    const result = evaluateCompliance({ policy, resources, resourceTypes: ["all"] });
    expect(result.total_resources).toBe(2);
    expect(result.compliance_score).toBe(0.5);
    expect(result.violations).toHaveLength(2);
    expect(result.by_region).toEqual({ global: { total: 2, compliant: 1, score: 0.5, violations: 2 } });
  });

  it("carries the per-ARN cost into violations", () => {
    const r = resource("i-1");
    const result = evaluateCompliance({
      policy,
      resources: [r],
      resourceTypes: ["ec2:instance"],
      costs: { [r.arn]: { amount: 12.25, source: "estimated" } },
    });
    expect(result.violations.map((v) => v.cost_impact_monthly)).toEqual([12.25, 12.25]);
  });
});

describe("evaluateCompliance properties", () => {
  const arbitraryResource = fc.record({
    id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
    type: fc.constantFrom("ec2:instance", "s3:bucket", "rds:db", "ec2:vpc"),
    region: fc.constantFrom("us-east-1", "eu-west-1", "global"),
    state: fc.constantFrom("running", "stopped", "terminated", null),
    owner: fc.option(fc.constantFrom("a", "")),
    env: fc.option(fc.constantFrom("prod", "dev", "production", "")),
  });
  const resources = fc.array(
    arbitraryResource.map(({ id, type, region, state, owner, env }) => {
      const tags: Record<string, string> = {};
      if (owner !== null) tags.Owner = owner;
      if (env !== null) tags.Environment = env;
      return resource(id, { arn: `arn:aws:x:::${type}/${id}`, type, region, state, tags });
    }),
    { maxLength: 30 },
  );
  const types = fc.constantFrom(["all"], ["ec2:instance"], ["s3:bucket", "rds:db"]);

  it("keeps the score in [0, 1] and consistent with the totals", () => {
    fc.assert(
      fc.property(resources, types, (list, resourceTypes) => {
        const result = evaluateCompliance({ policy, resources: list, resourceTypes });
        // No score exactly when nothing is in scope; otherwise a ratio in [0, 1].
        expect(result.compliance_score === null).toBe(result.total_resources === 0);
        expect(result.compliance_score ?? 0).toBeGreaterThanOrEqual(0);
        expect(result.compliance_score ?? 0).toBeLessThanOrEqual(1);
        expect(result.compliant_resources).toBeLessThanOrEqual(result.total_resources);
        const regionTotal = Object.values(result.by_region).reduce((sum, b) => sum + b.total, 0);
        expect(regionTotal).toBe(result.total_resources);
      }),
    );
  });

  it("never changes score, totals or breakdowns with the severity filter", () => {
    fc.assert(
      fc.property(
        resources,
        types,
        fc.constantFrom<SeverityFilter>("errors_only", "warnings_only"),
        (list, t, s) => {
          const all = evaluateCompliance({ policy, resources: list, resourceTypes: t, severity: "all" });
          const filtered = evaluateCompliance({ policy, resources: list, resourceTypes: t, severity: s });
          expect({ ...filtered, violations: [] }).toEqual({ ...all, violations: [] });
          expect(
            filtered.violations.every((v) => v.severity === (s === "errors_only" ? "error" : "warning")),
          ).toBe(true);
        },
      ),
    );
  });

  it("is unchanged when the input lists every resource twice (first copy wins)", () => {
    fc.assert(
      fc.property(resources, types, (list, resourceTypes) => {
        const once = evaluateCompliance({ policy, resources: list, resourceTypes });
        expect(evaluateCompliance({ policy, resources: [...list, ...list], resourceTypes })).toEqual(once);
      }),
    );
  });

  it("does not depend on the order resources arrive in", () => {
    const distinct = resources.map((list) => [...new Map(list.map((r) => [r.arn, r])).values()]);
    fc.assert(
      fc.property(distinct, types, (list, resourceTypes) => {
        const forward = evaluateCompliance({ policy, resources: list, resourceTypes });
        expect(evaluateCompliance({ policy, resources: [...list].reverse(), resourceTypes })).toEqual(
          forward,
        );
      }),
    );
  });
});
