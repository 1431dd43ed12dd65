// glue:table cannot carry tags in AWS: it is counted and named, never judged.
import { describe, expect, it } from "vitest";
import { isTaggableType, NOT_TAGGABLE_TYPES, notTaggableReason } from "../../src/catalog";
import { notTaggableResources, notTaggableSentence } from "../../src/compliance/not-taggable";
import { evaluateCompliance } from "../../src/compliance/score";
import { findUntaggedResources } from "../../src/compliance/untagged";
import { validateResource } from "../../src/compliance/validate";
import { attributionGap } from "../../src/cost/gap";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";
import { buildComplianceReport } from "../../src/report/build";
import { costData } from "../cost/build";
import { resource } from "./resource";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [{ name: "Owner", description: "" }],
  optional_tags: [],
};
const table = (name: string, overrides: Partial<Resource> = {}): Resource =>
  resource(name, {
    arn: `arn:aws:glue:us-east-1:111111111111:table/sales/${name}`,
    id: `sales/${name}`,
    type: "glue:table",
    ...overrides,
  });
const job = resource("etl", { arn: "arn:aws:glue:us-east-1:111111111111:job/etl", type: "glue:job" });
const resources = [
  resource("i-1", { tags: { Owner: "a" } }),
  resource("i-2"),
  table("orders"),
  table("items"),
  table("items"), // the same ARN twice is one table
  job,
];

describe("the catalog's not-taggable types", () => {
  it("names glue:table with the reason AWS gives, and only types that generate cost", () => {
    expect(NOT_TAGGABLE_TYPES).toContain("glue:table");
    expect(isTaggableType("glue:table")).toBe(false);
    expect(isTaggableType("glue:job")).toBe(true);
    expect(notTaggableReason("glue:table")).toMatch(/not Data Catalog tables/);
    expect(notTaggableReason("glue:job")).toBeUndefined();
  });
});

describe("not-taggable resources in the compliance numbers", () => {
  const all = ["all"];

  it("are never a violation, never in the score's denominator, counted apart with their reason", () => {
    const result = evaluateCompliance({ policy, resources, resourceTypes: all });
    expect(result.total_resources).toBe(3); // i-1, i-2, the job
    expect(result.compliant_resources).toBe(1);
    expect(result.compliance_score).toBeCloseTo(1 / 3);
    expect(result.violations.map((v) => v.resource_type).sort()).toEqual(["ec2:instance", "glue:job"]);
    expect(result.not_taggable).toEqual([
      { resource_type: "glue:table", count: 2, reason: notTaggableReason("glue:table") },
    ]);
    expect(Object.values(result.by_region).reduce((n, b) => n + b.total, 0)).toBe(3);
  });

  it("only tables gives no score (nothing judgeable), never 100%", () => {
    const result = evaluateCompliance({
      policy,
      resources: [table("orders")],
      resourceTypes: ["glue:table"],
    });
    expect(result.compliance_score).toBeNull();
    expect(result.total_resources).toBe(0);
    expect(result.not_taggable).toEqual([expect.objectContaining({ resource_type: "glue:table", count: 1 })]);
  });

  it("are not in untagged counts", () => {
    const result = findUntaggedResources({ policy, resources, resourceTypes: all, now: new Date(0) });
    expect(result.total_untagged).toBe(2);
    expect(result.resources.map((r) => r.resource_type).sort()).toEqual(["ec2:instance", "glue:job"]);
    expect(result.not_taggable).toEqual([expect.objectContaining({ resource_type: "glue:table", count: 2 })]);
  });

  it("validate nothing, whatever their tags", () => {
    expect(validateResource(table("orders"), policy)).toEqual([]);
  });

  it("are counted only when requested and alive", () => {
    expect(notTaggableResources({ resources, resourceTypes: ["ec2:instance"] })).toEqual([]);
    expect(
      notTaggableResources({ resources: [table("gone", { state: "terminated" })], resourceTypes: all }),
    ).toEqual([]);
  });

  it("are said in one sentence", () => {
    expect(notTaggableSentence([])).toBeNull();
    expect(notTaggableSentence([{ resource_type: "glue:table", count: 2, reason: "" }])).toBe(
      "2 glue:table resources cannot carry tags in AWS: reported as not taggable, not as violations, and left out of the score.",
    );
  });
});

describe("not-taggable resources in the attribution gap", () => {
  // AWS Glue $30 spread equally over the job and the two tables: $20 sit on tables no tag can reach.
  const data = costData({ "AWS Glue": 30, Tax: 5 });
  const compliantArns = [job.arn];

  it("move their share of the service's spend out of the gap, under its own unattributable line", () => {
    const gap = attributionGap({
      resources: [job, table("orders"), table("items")],
      compliantArns,
      costData: data,
      resourceTypes: "all",
      groupBy: "service",
    });
    expect(gap.total).toBe(35);
    expect(gap.unattributable_services).toEqual({ "AWS Glue (glue:table, not taggable)": 20, Tax: 5 });
    expect(gap.unattributable_by_nature).toBe(25);
    expect(gap.taggable_total).toBe(10);
    expect(gap.attributable).toBe(10);
    expect(gap.gap).toBe(0);
    // The breakdown still sums to the taggable spend, and counts only the judged resources.
    expect(gap.breakdown["AWS Glue"]).toMatchObject({ total: 10, resources_scanned: 1, compliant: 1 });
  });
});

describe("not-taggable resources in the compliance report", () => {
  const entries = [{ resource_type: "glue:table", count: 2, reason: "AWS Glue cannot tag tables" }];
  const build = (format: "json" | "csv" | "markdown") =>
    buildComplianceReport({
      compliance: { score: 1, total: 1, compliant: 1, violations: [], not_taggable: entries },
      gap: { total: 0, attributable: 0, gap: 0, gap_percentage: 0 },
      format,
    });

  it("are listed with their count and reason in every format, and said in a sentence", () => {
    const { report } = build("json");
    expect(report.not_taggable).toEqual(entries);
    expect(report.not_taggable_note).toMatch(/^2 glue:table resources cannot carry tags in AWS/);
    expect(build("markdown").content).toContain("## Not taggable");
    expect(build("markdown").content).toContain("| glue:table | 2 | AWS Glue cannot tag tables |");
    expect(build("csv").content).toContain("not_taggable,,glue:table,AWS Glue cannot tag tables,2");
  });

  it("say nothing when there are none", () => {
    const { report, content } = buildComplianceReport({
      compliance: { score: 1, total: 1, compliant: 1, violations: [] },
      gap: { total: 0, attributable: 0, gap: 0, gap_percentage: 0 },
      format: "markdown",
    });
    expect(report.not_taggable).toEqual([]);
    expect(report.not_taggable_note).toBeNull();
    expect(content).not.toContain("Not taggable");
  });
});
