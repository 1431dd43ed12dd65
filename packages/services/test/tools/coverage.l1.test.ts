// Issue 11, batch L1: a never-tagged resource of each type below, seeded in the sandbox, is found
// by check_tag_compliance(["all"]) and find_untagged_resources; the Tagging API alone never returns
// it. Two tenants: the second never sees the first's resources.
import type { AccountSeedInput, ResourceSeedInput } from "@tagc/aws-sandbox";
import { ACME_ACCOUNT as ACME, acmeAccount, globexAccount, sandboxSeed } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { ok, useToolsHarness } from "./harness";

const east = "us-east-1";
const TAGGED = { Owner: "a@acme.io", Environment: "production", Application: "shop" };

/** Per type: the never-tagged resource's id and its ARN as AWS writes it (ELBv2 adds 16 hex digits). */
const TYPES: { type: string; id: string; arn: RegExp }[] = [
  {
    type: "elasticloadbalancing:loadbalancer",
    id: "l1-untagged-alb",
    arn: new RegExp(
      `^arn:aws:elasticloadbalancing:${east}:${ACME}:loadbalancer/app/l1-untagged-alb/[0-9a-f]{16}$`,
    ),
  },
  {
    type: "elasticloadbalancing:targetgroup",
    id: "l1-untagged-tg",
    arn: new RegExp(`^arn:aws:elasticloadbalancing:${east}:${ACME}:targetgroup/l1-untagged-tg/[0-9a-f]{16}$`),
  },
  {
    type: "elasticache:cluster",
    id: "l1-untagged-cache",
    arn: new RegExp(`^arn:aws:elasticache:${east}:${ACME}:cluster:l1-untagged-cache$`),
  },
  {
    type: "elasticache:replicationgroup",
    id: "l1-untagged-rg",
    arn: new RegExp(`^arn:aws:elasticache:${east}:${ACME}:replicationgroup:l1-untagged-rg$`),
  },
  {
    type: "kinesis:stream",
    id: "l1-untagged-stream",
    arn: new RegExp(`^arn:aws:kinesis:${east}:${ACME}:stream/l1-untagged-stream$`),
  },
];

/** Whether an ARN names the resource `id` (its tagged twin is `${id}-tagged`). */
const names = (arn: string, id: string) => new RegExp(`[/:]${id}(/|$)`).test(arn);

const seeded = (tags: Record<string, string>, suffix = ""): ResourceSeedInput[] =>
  TYPES.map(({ type, id }) => ({ type, region: east, id: `${id}${suffix}`, tags }));

function acme(): AccountSeedInput {
  const base = acmeAccount();
  return { ...base, resources: [...(base.resources ?? []), ...seeded({}), ...seeded(TAGGED, "-tagged")] };
}

describe("coverage, batch L1", () => {
  const harness = useToolsHarness("postgres", { seed: () => sandboxSeed([acme(), globexAccount()]) });

  // One call per tool for the whole table: the loop guard refuses a fourth identical call.
  it("check_tag_compliance(all) finds the never-tagged resource of every type, and passes its tagged twin", async () => {
    const h = harness();
    const r = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    for (const { type, id, arn } of TYPES) {
      const missing = r.violations.filter((v) => names(v.resource_arn, id));
      expect(missing.map((v) => v.tag_name).sort(), type).toEqual(["Application", "Environment", "Owner"]);
      for (const v of missing) expect(v.resource_arn, type).toMatch(arn);
      expect(
        r.violations.some((v) => names(v.resource_arn, `${id}-tagged`)),
        type,
      ).toBe(false);
    }
  });

  it("find_untagged_resources finds the never-tagged resource of every type, not its tagged twin", async () => {
    const h = harness();
    const found = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    for (const { type, id, arn } of TYPES) {
      const hits = found.resources.filter((r) => names(r.resource_arn, id));
      expect(hits, type).toHaveLength(1);
      expect(hits[0]?.resource_arn, type).toMatch(arn);
      expect(
        found.resources.some((r) => names(r.resource_arn, `${id}-tagged`)),
        type,
      ).toBe(false);
    }
  });

  it("never shows acme's resources of these types to globex", async () => {
    const h = harness();
    const compliance = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"] }));
    const untagged = ok(await h.call(h.globex, findUntaggedResources, { resource_types: ["all"] }));
    const text = JSON.stringify([compliance, untagged]);
    for (const { id } of TYPES) expect(text).not.toContain(id);
    expect(text).not.toContain(ACME);
  });
});
