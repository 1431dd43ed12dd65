// exclusions: matching resources are not evaluated, not in total_resources, and counted in `excluded`.
import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "../../src/compliance/score";
import { findUntaggedResources } from "../../src/compliance/untagged";
import type { Resource } from "../../src/model";
import { arnGlob } from "../../src/policy/exclusions";
import type { PolicyExclusion, TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

const policy = (exclusions: PolicyExclusion[]): TaggingPolicy => ({
  version: "1",
  required_tags: [{ name: "Owner", description: "" }],
  optional_tags: [],
  exclusions,
});
const bucket = (name: string, tags: Record<string, string> = {}): Resource =>
  resource(name, { arn: `arn:aws:s3:::${name}`, type: "s3:bucket", region: "global", tags });
const evaluate = (exclusions: PolicyExclusion[], resources: Resource[]) =>
  evaluateCompliance({ policy: policy(exclusions), resources, resourceTypes: ["all"] });

describe("exclusions", () => {
  it("skips resources whose ARN matches a glob and counts them apart", () => {
    const result = evaluate(
      [{ arn_pattern: "arn:aws:s3:::cdk-*" }],
      [bucket("cdk-assets-1"), bucket("data")],
    );
    expect(result).toMatchObject({ total_resources: 1, excluded: 1, compliant_resources: 0 });
    expect(result.violations.map((v) => v.resource_id)).toEqual(["data"]);
  });

  it("reads the glob literally apart from *", () => {
    expect(arnGlob("arn:aws:s3:::cdk-*").test("arn:aws:s3:::cdk-x")).toBe(true);
    expect(arnGlob("arn:aws:s3:::cdk.a").test("arn:aws:s3:::cdkXa")).toBe(false);
    expect(arnGlob("arn:aws:s3:::cdk").test("arn:aws:s3:::cdk-x")).toBe(false);
  });

  it("skips resources carrying a tag key, or a key with a given value", () => {
    const resources = [
      bucket("a", { ManagedBy: "vendor" }),
      bucket("b", { ManagedBy: "us" }),
      bucket("c", { Skip: "" }),
      bucket("d"),
    ];
    const result = evaluate(
      [{ tag: { key: "ManagedBy", value: "vendor" } }, { tag: { key: "Skip" } }],
      resources,
    );
    expect(result).toMatchObject({ total_resources: 2, excluded: 2 });
    expect(result.violations.map((v) => v.resource_id)).toEqual(["b", "d"]);
  });

  it("does not count out-of-scope resources as excluded", () => {
    const result = evaluate([{ arn_pattern: "*" }], [bucket("a"), resource("i-1", { state: "terminated" })]);
    expect(result).toMatchObject({ total_resources: 0, excluded: 1, compliance_score: null });
  });

  it("leaves excluded resources out of find_untagged_resources too", () => {
    const result = findUntaggedResources({
      policy: policy([{ arn_pattern: "arn:aws:s3:::cdk-*" }]),
      resources: [bucket("cdk-assets-1"), bucket("data")],
      resourceTypes: ["all"],
      now: new Date("2026-11-10T00:00:00Z"),
    });
    expect(result.resources.map((r) => r.resource_id)).toEqual(["data"]);
  });
});
