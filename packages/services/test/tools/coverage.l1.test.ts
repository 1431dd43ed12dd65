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

/** Per type: the never-tagged resource, and how its ARN starts (the rest is AWS-generated). */
const TYPES: { type: string; id: string; arn: string }[] = [
  {
    type: "elasticloadbalancing:loadbalancer",
    id: "l1-untagged-alb",
    arn: `arn:aws:elasticloadbalancing:${east}:${ACME}:loadbalancer/app/l1-untagged-alb/`,
  },
  {
    type: "elasticloadbalancing:targetgroup",
    id: "l1-untagged-tg",
    arn: `arn:aws:elasticloadbalancing:${east}:${ACME}:targetgroup/l1-untagged-tg/`,
  },
];

const seeded = (tags: Record<string, string>, suffix = ""): ResourceSeedInput[] =>
  TYPES.map(({ type, id }) => ({ type, region: east, id: `${id}${suffix}`, tags }));

function acme(): AccountSeedInput {
  const base = acmeAccount();
  return { ...base, resources: [...(base.resources ?? []), ...seeded({}), ...seeded(TAGGED, "-tagged")] };
}

describe("coverage, batch L1", () => {
  const harness = useToolsHarness("postgres", { seed: () => sandboxSeed([acme(), globexAccount()]) });

  it.each(TYPES)("check_tag_compliance(all) finds the never-tagged $type", async ({ id, arn }) => {
    const h = harness();
    const r = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    const missing = r.violations.filter((v) => v.resource_arn.startsWith(arn));
    expect(missing.map((v) => v.tag_name).sort()).toEqual(["Application", "Environment", "Owner"]);
    expect(missing[0]?.resource_arn).toMatch(new RegExp(`^${arn.replace(/[/.]/g, "\\$&")}[0-9a-f]{16}$`));
    // Its tagged twin is found and compliant: no violation names it.
    expect(r.violations.some((v) => v.resource_arn.includes(`/${id}-tagged/`))).toBe(false);
  });

  it.each(TYPES)("find_untagged_resources finds the never-tagged $type", async ({ id, arn }) => {
    const h = harness();
    const found = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    const hit = found.resources.find((r) => r.resource_arn.startsWith(arn));
    expect(hit?.resource_arn).toBeDefined();
    expect(found.resources.some((r) => r.resource_arn.includes(`/${id}-tagged/`))).toBe(false);
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
