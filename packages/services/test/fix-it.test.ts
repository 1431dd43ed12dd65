// The fix-it text of an inconclusive attempt names what AWS did for each failed read.
import { describe, expect, it } from "vitest";
import { fixFor, inconclusiveFix } from "../src/verification/fix-it";

const probe = (action: string, outcome: "ok" | "denied" | "failed", error_code: string | null) => ({
  family: "RDS",
  action,
  required: false,
  outcome,
  error_code,
});

describe("inconclusive fix-it text", () => {
  it("names each failed read and what AWS did, and says we retry", () => {
    const text = inconclusiveFix([
      probe("ec2:DescribeRegions", "ok", null),
      probe("rds:DescribeDBInstances", "failed", "UNKNOWN"),
      probe("lambda:ListFunctions", "failed", "TIMEOUT"),
      probe("ecs:ListClusters", "denied", "ACCESS_DENIED"),
    ]);
    expect(text).toBe(
      "AWS answered with a server error (5xx) or an unreadable response for rds:DescribeDBInstances; " +
        "AWS did not answer within the probe timeout for lambda:ListFunctions. This is usually transient; " +
        "we retry automatically, and the status stays as it was until an attempt succeeds.",
    );
    expect(text).not.toContain("ecs:ListClusters");
  });

  it("fixFor builds it from the stored probes, and falls back to the generic text without them", () => {
    const probes = [probe("dynamodb:ListTables", "failed", "THROTTLED")];
    expect(fixFor("INCONCLUSIVE", probes)).toContain("AWS throttled the call for dynamodb:ListTables");
    expect(fixFor("INCONCLUSIVE")).toContain("we retry automatically");
    expect(fixFor("DEGRADED", probes)).toBe(fixFor("DEGRADED"));
    expect(fixFor(null, probes)).toBeNull();
  });
});
