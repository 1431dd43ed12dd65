// Issue 11, batch L2: a never-tagged resource of each type, seeded in the sandbox, is found by
// check_tag_compliance(["all"]) and find_untagged_resources, through the role the real template
// creates. Two tenants: the second never sees the first's resource.
import type { AccountSeedInput, ResourceSeedInput } from "@tagc/aws-sandbox";
import {
  ACME_ACCOUNT as ACME,
  acmeAccount,
  GLOBEX_ACCOUNT as GLOBEX,
  globexAccount,
  sandboxSeed,
} from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../src/tools/find-untagged-resources";
import { ok, useToolsHarness } from "./harness";

interface Case {
  type: string;
  seed: ResourceSeedInput;
  /** The ARN as AWS writes it for acme's resource (a pattern where AWS adds a random suffix). */
  arn: string | RegExp;
}

const CASES: Case[] = [
  {
    type: "elasticfilesystem:file-system",
    seed: { type: "elasticfilesystem:file-system", region: "us-east-1", id: "fs-0a0a0a0a", tags: {} },
    arn: `arn:aws:elasticfilesystem:us-east-1:${ACME}:file-system/fs-0a0a0a0a`,
  },
  {
    type: "ecs:task-definition",
    seed: { type: "ecs:task-definition", region: "eu-west-1", id: "acme-worker:7", tags: {} },
    arn: `arn:aws:ecs:eu-west-1:${ACME}:task-definition/acme-worker:7`,
  },
  {
    type: "secretsmanager:secret",
    seed: { type: "secretsmanager:secret", region: "us-east-1", id: "acme/stripe-key", tags: {} },
    arn: new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACME}:secret:acme/stripe-key-[A-Za-z0-9]{6}$`),
  },
  {
    type: "kms:key",
    seed: { type: "kms:key", region: "eu-west-1", id: "0f0f0f0f-1111-2222-3333-444444444444", tags: {} },
    arn: `arn:aws:kms:eu-west-1:${ACME}:key/0f0f0f0f-1111-2222-3333-444444444444`,
  },
  {
    type: "eks:cluster",
    seed: { type: "eks:cluster", region: "us-east-1", id: "acme-k8s", tags: {} },
    arn: `arn:aws:eks:us-east-1:${ACME}:cluster/acme-k8s`,
  },
];

const matches = (arn: string | RegExp) => (candidate: string) =>
  typeof arn === "string" ? candidate === arn : arn.test(candidate);

function acme(): AccountSeedInput {
  const base = acmeAccount();
  return { ...base, resources: [...(base.resources ?? []), ...CASES.map((c) => c.seed)] };
}

describe("batch L2 types are found when never tagged", () => {
  const harness = useToolsHarness("postgres", { seed: () => sandboxSeed([acme(), globexAccount()]) });

  // One call per tenant and tool (the loop guard refuses a fourth identical call), every type checked.
  it("check_tag_compliance(['all']) reports each never-tagged type; the other tenant never sees it", async () => {
    const h = harness();
    const acmeResult = ok(await h.call(h.acme, checkTagCompliance, { resource_types: ["all"] }));
    const globexResult = ok(await h.call(h.globex, checkTagCompliance, { resource_types: ["all"] }));
    expect(JSON.stringify(globexResult)).not.toContain(ACME);
    for (const { type, arn } of CASES) {
      // The default policy requires Owner, Environment and Application: three violations.
      const missing = acmeResult.violations
        .filter((v) => matches(arn)(v.resource_arn))
        .map((v) => v.tag_name)
        .sort();
      expect(missing, type).toEqual(["Application", "Environment", "Owner"]);
      expect(
        globexResult.violations.filter((v) => matches(arn)(v.resource_arn)),
        type,
      ).toEqual([]);
    }
  });

  it("find_untagged_resources lists each never-tagged type; the other tenant never sees it", async () => {
    const h = harness();
    const found = ok(await h.call(h.acme, findUntaggedResources, { resource_types: ["all"] }));
    const theirs = ok(await h.call(h.globex, findUntaggedResources, { resource_types: ["all"] }));
    expect(JSON.stringify(theirs)).not.toContain(ACME);
    expect(JSON.stringify(found)).not.toContain(GLOBEX);
    for (const { type, arn } of CASES) {
      expect(
        found.resources.filter((r) => matches(arn)(r.resource_arn)),
        type,
      ).toHaveLength(1);
      expect(
        theirs.resources.filter((r) => matches(arn)(r.resource_arn)),
        type,
      ).toEqual([]);
    }
  });
});
