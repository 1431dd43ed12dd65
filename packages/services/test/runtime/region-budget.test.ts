// The per-(client, AWS account, region) budget a cold scan spends, one unit per region, on both
// limiter kinds: which regions a scan may read, and how a skipped one is named in data_quality.
import { describe, expect, it } from "vitest";
import { createGuardrailLimiters } from "../../src/guardrails/limiters";
import { spendRegionBudget } from "../../src/tools/scan/budget";
import { STORE_KINDS, useStore } from "./fixtures";

describe.each(STORE_KINDS)("spendRegionBudget on %s", (kind) => {
  const fixture = useStore(kind);

  it("reads regions within the budget, skips the one over it and names it with the budget", async () => {
    const f = fixture();
    const clientId = f.newClientId();
    const { awsRegion } = createGuardrailLimiters({
      ...(f.kind === "redis" ? { redis: f.redis, prefix: `${f.ns}rl:` } : {}),
      limits: { awsRegion: { limit: 2, windowMs: 60_000 } },
      now: f.clock.nowMs,
    });
    if (f.kind === "redis") f.cleanupPrefix(`${f.ns}rl:`);
    const account = { clientId, accountId: "111111111111" };
    expect(await spendRegionBudget(awsRegion, account, ["eu-west-1", "us-east-1"])).toEqual({
      allowed: ["eu-west-1", "us-east-1"],
      skipped: [],
    });
    // A region listed twice is spent once.
    expect((await spendRegionBudget(awsRegion, account, ["eu-west-1", "eu-west-1"])).allowed).toEqual([
      "eu-west-1",
    ]);
    const third = await spendRegionBudget(awsRegion, account, ["us-east-1", "eu-west-1"]);
    expect(third.allowed).toEqual(["us-east-1"]);
    expect(third.skipped).toEqual([
      expect.objectContaining({
        scope: "region",
        region: "eu-west-1",
        account_id: "111111111111",
        code: "RATE_LIMITED",
      }),
    ]);
    expect(third.skipped[0]?.message).toMatch(/budget of 2 scans of region eu-west-1 per minute is spent/);
    expect(third.skipped[0]?.message).toMatch(/AWS API quotas/);
    // Another account, and another client on the same account, have budgets of their own.
    expect(
      (await spendRegionBudget(awsRegion, { ...account, accountId: "222222222222" }, ["eu-west-1"])).allowed,
    ).toEqual(["eu-west-1"]);
    expect(
      (
        await spendRegionBudget(awsRegion, { clientId: f.newClientId(), accountId: "111111111111" }, [
          "eu-west-1",
        ])
      ).allowed,
    ).toEqual(["eu-west-1"]);
  });
});
