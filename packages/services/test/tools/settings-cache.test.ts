// The plan's memo of a client's policy and connections (cache/settings.ts): a warm call reads them
// from the memo, a policy saved through this process is used by the very next call, one saved
// elsewhere (another replica: a write this process did not make) within the TTL, and one tenant's
// memo never answers another's call.
import { taggingPolicies } from "@tagc/db";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT } from "@tagc/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { SettingsCache } from "../../src/cache/settings";
import { putPolicy } from "../../src/policy/put";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { ok, useToolsHarness } from "./harness";

const ONE_TAG = {
  version: "1",
  required_tags: [{ name: "Owner", description: "" }],
  optional_tags: [],
};
const TWO_TAGS = {
  ...ONE_TAG,
  required_tags: [...ONE_TAG.required_tags, { name: "CostCenter", description: "" }],
};

describe("the plan's memo of policies and connections", () => {
  const harness = useToolsHarness("pglite");
  let t = 0;
  afterEach(() => {
    harness().services.settings = undefined;
  });
  const memoized = () => {
    const h = harness();
    const memo = new SettingsCache(60_000, { clock: () => t });
    h.services.settings = memo;
    return { h, memo };
  };
  // Every call differs (its page size), so the loop detector never sees a repeat.
  let call = 0;
  const check = async (tenant: "acme" | "globex") => {
    const h = harness();
    call += 1;
    return ok(await h.call(h[tenant], checkTagCompliance, { resource_types: ["all"], limit: 50 + call }));
  };
  const tagsIn = (r: Awaited<ReturnType<typeof check>>) =>
    [...new Set(r.violations.map((v) => v.tag_name))].sort();

  it("uses a policy saved here on the very next call, and keeps each tenant's own", async () => {
    const { h, memo } = memoized();
    await putPolicy({ ctx: await h.ctx(h.acme), input: { document: ONE_TAG } });
    await putPolicy({ ctx: await h.ctx(h.globex), input: { document: TWO_TAGS } });
    expect(tagsIn(await check("acme"))).toEqual(["Owner"]);
    const globex = await check("globex");
    expect(globex.accounts).toEqual([GLOBEX_ACCOUNT]);
    expect(tagsIn(globex)).toEqual(["CostCenter", "Owner"]);
    expect((await memo.get(h.acme.id))?.current.row.clientId).toBe(h.acme.id);
    expect((await memo.get(h.globex.id))?.connections.map((c) => c.accountId)).toEqual([GLOBEX_ACCOUNT]);
    // Acme's next call answers from the memo: still Acme's account and Acme's policy.
    const again = await check("acme");
    expect(again.accounts).toEqual([ACME_ACCOUNT]);
    expect(tagsIn(again)).toEqual(["Owner"]);
    await putPolicy({ ctx: await h.ctx(h.acme), input: { document: TWO_TAGS } });
    expect(tagsIn(await check("acme"))).toEqual(["CostCenter", "Owner"]);
  });

  it("sees a policy saved on another replica within the TTL, not before", async () => {
    const { h } = memoized();
    await putPolicy({ ctx: await h.ctx(h.acme), input: { document: ONE_TAG } });
    const first = await check("acme");
    expect(tagsIn(first)).toEqual(["Owner"]);
    // Another replica's save: a new version written straight to the database, no forget here.
    await h.services.db.insert(taggingPolicies).values({
      clientId: h.acme.id,
      version: 1000,
      document: TWO_TAGS,
      source: "uploaded",
    });
    t += 59_999;
    expect(tagsIn(await check("acme"))).toEqual(["Owner"]);
    t += 1;
    expect(tagsIn(await check("acme"))).toEqual(["CostCenter", "Owner"]);
  });
});
