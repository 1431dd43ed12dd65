// summarizeProbes, the verdict of one attempt's probes, over a table of outcomes.
import { describe, expect, it } from "vitest";
import { type ProbeResult, summarizeProbes } from "../src";

const probe = (
  action: string,
  required: boolean,
  outcome: ProbeResult["outcome"] = "ok",
  error_code: ProbeResult["error_code"] = null,
): ProbeResult => ({ family: "EC2", action, required, outcome, error_code });

const ok = [probe("ec2:DescribeRegions", true), probe("tag:GetResources", true), probe("rds:X", false)];

describe("summarizeProbes", () => {
  const cases: [string, ProbeResult[], string, string[]][] = [
    ["all ok", ok, "connected", []],
    ["no probes at all proves nothing required was denied", [], "connected", []],
    [
      "an optional denial",
      [ok[0]!, ok[1]!, probe("rds:X", false, "denied", "ACCESS_DENIED")],
      "degraded",
      ["rds:X"],
    ],
    [
      "a required denial",
      [probe("ec2:DescribeRegions", true, "denied", "ACCESS_DENIED"), ok[1]!, ok[2]!],
      "failed",
      ["ec2:DescribeRegions"],
    ],
    ["a failure", [ok[0]!, ok[1]!, probe("rds:X", false, "failed", "UNKNOWN")], "inconclusive", []],
    [
      "a failure outranks an optional denial",
      [ok[0]!, probe("tag:GetResources", true, "failed", "TIMEOUT"), probe("rds:X", false, "denied")],
      "inconclusive",
      ["rds:X"],
    ],
    [
      "a required denial outranks a failure",
      [probe("ec2:DescribeRegions", true, "denied"), ok[1]!, probe("rds:X", false, "failed", "UNKNOWN")],
      "failed",
      ["ec2:DescribeRegions"],
    ],
  ];
  it.each(cases)("%s", (_name, probes, verdict, denied) => {
    const summary = summarizeProbes(probes);
    expect(summary.verdict).toBe(verdict);
    expect(summary.deniedActions).toEqual(denied);
  });

  it("lists the failed probes with their codes, and the denied required ones", () => {
    const summary = summarizeProbes([
      probe("ec2:DescribeRegions", true, "denied", "ACCESS_DENIED"),
      probe("rds:X", false, "failed", "UNKNOWN"),
    ]);
    expect(summary.failed).toEqual([{ action: "rds:X", error_code: "UNKNOWN" }]);
    expect(summary.deniedRequired).toEqual(["ec2:DescribeRegions"]);
  });
});
