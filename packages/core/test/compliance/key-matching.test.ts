// key_matching "case_insensitive": a key present in another case or with stray spaces is its own
// violation (key_case_mismatch, warning, still non-compliant), never "missing".
import { describe, expect, it } from "vitest";
import { evaluateCompliance } from "../../src/compliance/score";
import { validateResource } from "../../src/compliance/validate";
import type { TaggingPolicy } from "../../src/policy/types";
import { resource } from "./resource";

const policy = (overrides: Partial<TaggingPolicy> = {}): TaggingPolicy => ({
  version: "1",
  required_tags: [
    { name: "Environment", description: "", allowed_values: ["production"] },
    { name: "Owner", description: "", key_matching: "exact" },
  ],
  optional_tags: [],
  ...overrides,
});
const insensitive = policy({ key_matching: "case_insensitive" });

describe("key_matching", () => {
  it("defaults to exact: a differently cased key is missing, as AWS reads it", () => {
    const [violation] = validateResource(
      resource("i-1", { tags: { environment: "production", Owner: "a" } }),
      policy(),
    );
    expect(violation).toMatchObject({ tag_name: "Environment", violation_type: "missing_required_tag" });
  });

  it("case_insensitive reports the found key, not missing", () => {
    const violations = validateResource(
      resource("i-1", { tags: { environment: "production", Owner: "a" } }),
      insensitive,
    );
    expect(violations).toEqual([
      expect.objectContaining({
        tag_name: "Environment",
        violation_type: "key_case_mismatch",
        severity: "warning",
        found_key: "environment",
        current_value: "production",
        message:
          "found `environment`, expected `Environment`: AWS tag keys are case-sensitive, so rename the key",
      }),
    ]);
  });

  it("case_insensitive also trims whitespace around the key", () => {
    const [violation] = validateResource(
      resource("i-1", { tags: { " ENVIRONMENT ": "x", Owner: "a" } }),
      insensitive,
    );
    expect(violation).toMatchObject({ violation_type: "key_case_mismatch", found_key: " ENVIRONMENT " });
  });

  it("a tag's own exact setting overrides the policy's case_insensitive", () => {
    const kinds = validateResource(
      resource("i-1", { tags: { Environment: "production", owner: "a" } }),
      insensitive,
    ).map((v) => [v.tag_name, v.violation_type]);
    expect(kinds).toEqual([["Owner", "missing_required_tag"]]);
  });

  it("a tag's case_insensitive applies under an exact policy", () => {
    const perTag = policy({
      required_tags: [{ name: "Environment", description: "", key_matching: "case_insensitive" }],
    });
    const [violation] = validateResource(resource("i-1", { tags: { environment: "x" } }), perTag);
    expect(violation?.violation_type).toBe("key_case_mismatch");
  });

  it("the exact key wins when both spellings are present, and its value is judged", () => {
    const [violation] = validateResource(
      resource("i-1", { tags: { Environment: "qa", environment: "production", Owner: "a" } }),
      insensitive,
    );
    expect(violation).toMatchObject({ violation_type: "invalid_value", current_value: "qa" });
  });

  it("counts a key_case_mismatch resource as non-compliant (its spend is not attributed)", () => {
    const result = evaluateCompliance({
      policy: insensitive,
      resources: [
        resource("i-1", { tags: { environment: "production", Owner: "a" } }),
        resource("i-2", { tags: { Environment: "production", Owner: "a" } }),
      ],
      resourceTypes: ["ec2:instance"],
    });
    expect(result).toMatchObject({
      compliant_resources: 1,
      non_compliant_resources: 1,
      compliance_score: 0.5,
    });
    expect(result.violation_counts).toEqual({ total: 1, errors: 0, warnings: 1 });
  });
});
