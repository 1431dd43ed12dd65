// Inheritance: a volume proposes its attached instance's tags, a snapshot its source volume's (or,
// through it, the instance's), only for missing required keys and only values the policy accepts.
import { describe, expect, it } from "vitest";
import type { Resource } from "../../src/model";
import type { TaggingPolicy } from "../../src/policy/types";
import { suggestTags } from "../../src/suggest/suggest-tags";

const policy: TaggingPolicy = {
  version: "1",
  required_tags: [
    { name: "Environment", description: "", allowed_values: ["production", "staging"] },
    { name: "Owner", description: "" },
    { name: "Team", description: "" },
  ],
  optional_tags: [],
};
const ec2 = (type: string, id: string, tags: Record<string, string>, parent_id?: string): Resource => ({
  arn: `arn:aws:ec2:us-east-1:111111111111:${type.split(":")[1]}/${id}`,
  id,
  type,
  region: "us-east-1",
  account_id: "111111111111",
  tags,
  ...(parent_id ? { parent_id } : {}),
});
const instance = ec2("ec2:instance", "i-1", { Environment: "PRODUCTION", Owner: "ops@x.io", Team: "web" });
const volume = ec2("ec2:volume", "vol-1", { Team: "storage" }, "i-1");
const snapshot = ec2("ec2:snapshot", "snap-1", {}, "vol-1");
const related = [instance, volume, snapshot];

describe("suggestTags: inherited", () => {
  it("proposes the attached instance's values for a volume's missing keys, in the policy's spelling", () => {
    const { suggestions } = suggestTags({ resource: volume, policy, related });
    expect(suggestions).toEqual([
      {
        tag: "Environment",
        value: "production",
        confidence: 0.95,
        reasoning: "inherited from i-1",
        strategy: "inherited",
      },
      {
        tag: "Owner",
        value: "ops@x.io",
        confidence: 0.95,
        reasoning: "inherited from i-1",
        strategy: "inherited",
      },
    ]);
  });

  it("proposes the source volume's values for a snapshot, then the instance's through it", () => {
    const byTag = Object.fromEntries(
      suggestTags({ resource: snapshot, policy, related }).suggestions.map((s) => [s.tag, s.reasoning]),
    );
    expect(byTag).toEqual({
      Environment: "inherited from i-1 (through vol-1)",
      Owner: "inherited from i-1 (through vol-1)",
      Team: "inherited from vol-1",
    });
  });

  it("never proposes a parent value the policy rejects", () => {
    const bad = ec2("ec2:instance", "i-2", { Environment: "qa" });
    const orphan = ec2("ec2:volume", "vol-2", {}, "i-2");
    const env = suggestTags({ resource: orphan, policy, related: [bad] }).suggestions.find(
      (s) => s.tag === "Environment",
    );
    expect(env?.strategy).not.toBe("inherited");
  });

  it("ignores a parent in another account or region, and types that have no parent", () => {
    const elsewhere = { ...instance, account_id: "222222222222" };
    expect(
      suggestTags({ resource: volume, policy, related: [elsewhere] }).suggestions.map((s) => s.strategy),
    ).not.toContain("inherited");
    const child = ec2("ec2:instance", "i-3", {}, "i-1");
    expect(
      suggestTags({ resource: child, policy, related }).suggestions.map((s) => s.strategy),
    ).not.toContain("inherited");
  });
});
