// The gap's note tells apart the three reasons a gap is small or zero: nothing found, $0 reported,
// or everything properly tagged; a real gap carries no note.
import { describe, expect, it } from "vitest";
import { attributionGap } from "../../src/cost/gap";
import { costData, resource, SERVICES } from "./build";

const a = resource({ id: "i-a", type: "ec2:instance", state: "running" });
const b = resource({ id: "i-b", type: "ec2:instance", state: "running" });
const gapOf = (
  resources: ReturnType<typeof resource>[],
  compliant: string[],
  spend: Record<string, number>,
) =>
  attributionGap({
    resources,
    compliantArns: compliant,
    costData: costData(spend),
    resourceTypes: ["ec2:instance"],
    groupBy: "resource_type",
  });

describe("attributionGap note", () => {
  it("no resources: says nothing was found, with or without the services' spend", () => {
    expect(gapOf([], [], { [SERVICES.ec2]: 50 }).note).toBe(
      "No resources of the requested types were found, so none of the $50.00 of their services' spend could be attributed; this is not evidence of good tagging.",
    );
    expect(gapOf([], [], {}).note).toMatch(/^No resources of the requested types were found and no spend/);
    expect(gapOf([], [], {}).breakdown["ec2:instance"]?.note).toBe("no resources found");
  });

  it("resources but $0 reported: names free tier and cost allocation tags, even when all are compliant", () => {
    const result = gapOf([a, b], [a.arn, b.arn], {});
    expect(result).toMatchObject({ gap: 0, taggable_total: 0 });
    expect(result.note).toMatch(/^2 resources were found but Cost Explorer reported \$0/);
    expect(result.note).toContain("free tier");
    expect(result.note).toContain("not be activated as cost allocation tags");
    expect(result.breakdown["ec2:instance"]?.note).toBe("resources found but $0 reported");
  });

  it("all properly tagged: the spend is attributable", () => {
    const result = gapOf([a, b], [a.arn, b.arn], { [SERVICES.ec2]: 30 });
    expect(result).toMatchObject({ gap: 0, attributable: 30 });
    expect(result.note).toBe(
      "All 2 scanned resources are properly tagged: their spend is fully attributable.",
    );
    expect(result.breakdown["ec2:instance"]?.note).toBe("all properly tagged");
  });

  it("a real gap has no note", () => {
    const result = gapOf([a, b], [a.arn], { [SERVICES.ec2]: 30 });
    expect(result.gap).toBe(15);
    expect(result.note).toBeNull();
    expect(result.breakdown["ec2:instance"]?.note).toBeNull();
  });
});
