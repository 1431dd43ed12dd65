// Issue 11's bar, per catalog type: a never-tagged resource seeded in the sandbox is found by
// check_tag_compliance(["all"]) and find_untagged_resources, through the role the real template
// creates, with the ARN AWS writes. The Tagging API alone never returns such a resource, so each row
// proves that type's lister. Two tenants: the second never sees the first's resources.
import type { AccountSeedInput } from "@tagc/aws-sandbox";
import { COST_GENERATING_TYPES } from "@tagc/core";
import {
  ACME_ACCOUNT as ACME,
  acmeAccount,
  GLOBEX_ACCOUNT as GLOBEX,
  globexAccount,
  sandboxSeed,
} from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { checkTagCompliance } from "../../../src/tools/check-tag-compliance";
import { findUntaggedResources } from "../../../src/tools/find-untagged-resources";
import { ok, useToolsHarness } from "../harness";
import { CASES as BASE } from "./base.cases";
import { CASES as C1 } from "./c1.cases";
import { CASES as C2 } from "./c2.cases";
import { matches } from "./case";
import { CASES as L1 } from "./l1.cases";
import { CASES as L2 } from "./l2.cases";
import { CASES as L3 } from "./l3.cases";
import { CASES as L4 } from "./l4.cases";
import { CASES as L5 } from "./l5.cases";
import { CASES as L6 } from "./l6.cases";
import { CASES as L7 } from "./l7.cases";

const CASES = [...BASE, ...C1, ...C2, ...L1, ...L2, ...L3, ...L4, ...L5, ...L6, ...L7];

/** Catalog types whose lister has not landed yet; each batch removes its own. Must end empty. */
const PENDING = new Set<string>([]);

/** acme's resources of `type`: the row's seed plus any the base world already holds. */
const countOf = (type: string) => acme().resources?.filter((r) => r.type === type).length ?? 0;

function acme(): AccountSeedInput {
  const base = acmeAccount();
  return { ...base, resources: [...(base.resources ?? []), ...CASES.map((c) => c.seed)] };
}

describe("every cost-generating catalog type is found when never tagged", () => {
  const harness = useToolsHarness("postgres", { seed: () => sandboxSeed([acme(), globexAccount()]) });

  it("has exactly one row per catalog type", () => {
    const covered = CASES.map((c) => c.type);
    expect(new Set(covered).size, "a type appears twice").toBe(covered.length);
    for (const c of CASES) expect(c.seed.type, c.type).toBe(c.type);
    const expected = COST_GENERATING_TYPES.filter((type) => !PENDING.has(type));
    expect([...covered].sort()).toEqual([...expected].sort());
  });

  // One call per tenant and tool (the loop guard refuses a fourth identical call), every type checked.
  it("check_tag_compliance(['all']) reports each never-tagged type; the other tenant never sees it", async () => {
    const h = harness();
    const everyViolation = async (tenant: typeof h.acme) => {
      const page = async (cursor: string | undefined) =>
        ok(await h.call(tenant, checkTagCompliance, { resource_types: ["all"], limit: 100, cursor }));
      const all = await everyPage(page, "violations");
      expect(all.violations).toHaveLength(all.violations_total);
      return all;
    };
    const acmeResult = await everyViolation(h.acme);
    const globexResult = await everyViolation(h.globex);
    expect(JSON.stringify(globexResult)).not.toContain(ACME);
    for (const { type, arn, expect: judged } of CASES) {
      // The default policy requires Owner, Environment and Application: three violations.
      const missing = acmeResult.violations
        .filter((v) => matches(arn)(v.resource_arn))
        .map((v) => v.tag_name)
        .sort();
      // A type AWS cannot tag is counted as not taggable, never a violation.
      expect(missing, type).toEqual(judged === "not_taggable" ? [] : ["Application", "Environment", "Owner"]);
      if (judged === "not_taggable")
        expect(acmeResult.not_taggable.find((entry) => entry.resource_type === type)?.count, type).toBe(
          countOf(type),
        );
      expect(
        globexResult.violations.filter((v) => matches(arn)(v.resource_arn)),
        type,
      ).toEqual([]);
    }
  });

  it("find_untagged_resources lists each never-tagged type; the other tenant never sees it", async () => {
    const h = harness();
    const everyUntagged = async (tenant: typeof h.acme) => {
      const page = async (cursor: string | undefined) =>
        ok(await h.call(tenant, findUntaggedResources, { resource_types: ["all"], limit: 100, cursor }));
      const all = await everyPage(page, "resources");
      expect(all.resources).toHaveLength(all.total_untagged);
      return all;
    };
    const found = await everyUntagged(h.acme);
    const theirs = await everyUntagged(h.globex);
    expect(JSON.stringify(theirs)).not.toContain(ACME);
    expect(JSON.stringify(found)).not.toContain(GLOBEX);
    for (const { type, arn, expect: judged } of CASES) {
      expect(
        found.resources.filter((r) => matches(arn)(r.resource_arn)),
        type,
      ).toHaveLength(judged === "not_taggable" ? 0 : 1);
      if (judged === "not_taggable")
        expect(found.not_taggable.find((entry) => entry.resource_type === type)?.count, type).toBe(
          countOf(type),
        );
      expect(
        theirs.resources.filter((r) => matches(arn)(r.resource_arn)),
        type,
      ).toEqual([]);
    }
  });
});

/** The first page's fields with every page's items under `key`, read 100 at a time (the default is 25). */
async function everyPage<R extends { next_cursor: string | null }>(
  page: (cursor: string | undefined) => Promise<R>,
  key: NoInfer<keyof R>,
): Promise<R> {
  const first = await page(undefined);
  const items = [...(first[key] as unknown[])];
  for (let cursor = first.next_cursor; cursor; ) {
    const next = await page(cursor);
    items.push(...(next[key] as unknown[]));
    cursor = next.next_cursor;
  }
  return { ...first, [key]: items };
}
