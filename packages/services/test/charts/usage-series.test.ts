// getUsageSeries: one tenant's billing month day by day (scans, newly counted resources, running
// total) with the tier quota. Both tenants meter in the same month; each sees only its own.
import { usageEvents } from "@tagc/db";
import { describe, expect, it } from "vitest";
import { getUsageSeries } from "../../src/charts/usage-series";
import { recordScanUsage } from "../../src/metering/record";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, KINDS, serviceError, useHarness } from "../harness";

const arns = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `arn:aws:ec2:us-east-1:${ACME_ACCOUNT}:instance/i-${prefix}${i}`);

describe.each(KINDS)("getUsageSeries on %s", (kind) => {
  const harness = useHarness(kind);

  it("lists every day of the month so far with the day's scans, new resources and running total", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT, "starter");
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT, "enterprise");
    const scan = (clientId: string, at: string, resources: string[], requestId: string) =>
      recordScanUsage({
        db: h.db,
        clientId,
        now: new Date(at),
        arns: resources,
        requestId,
        accountId: ACME_ACCOUNT,
        regions: ["us-east-1"],
        tool: "check_tag_compliance",
      });

    await scan(acme.id, "2026-10-01T08:00:00Z", arns("a", 3), "req_1");
    // A rescan the next day counts the two resources it had not seen before, not all five.
    await scan(acme.id, "2026-10-02T08:00:00Z", arns("a", 5), "req_2");
    await scan(acme.id, "2026-10-02T09:00:00Z", arns("a", 5), "req_3");
    await scan(acme.id, "2026-09-30T08:00:00Z", arns("old", 9), "req_4");
    await scan(globex.id, "2026-10-02T08:00:00Z", arns("g", 40), "req_5");

    h.clock.reset(new Date("2026-10-04T10:00:00Z"));
    const series = await getUsageSeries({ ctx: await h.ctxFor(acme.id), input: {} });
    expect(series).toEqual({
      period: "2026-10",
      tier: "starter",
      quota: 1_000,
      days: [
        { day: "2026-10-01", scans: 1, new_resources: 3, cumulative_resources: 3 },
        { day: "2026-10-02", scans: 2, new_resources: 2, cumulative_resources: 5 },
        { day: "2026-10-03", scans: 0, new_resources: 0, cumulative_resources: 5 },
        { day: "2026-10-04", scans: 0, new_resources: 0, cumulative_resources: 5 },
      ],
    });

    const past = await getUsageSeries({ ctx: await h.ctxFor(acme.id), input: { period: "2026-09" } });
    expect(past.days).toHaveLength(30);
    expect(past.days.at(-1)).toEqual({
      day: "2026-09-30",
      scans: 1,
      new_resources: 9,
      cumulative_resources: 9,
    });

    const other = await getUsageSeries({ ctx: await h.ctxFor(globex.id), input: {} });
    expect(other.quota).toBeNull();
    expect(other.days.map((d) => d.cumulative_resources)).toEqual([0, 40, 40, 40]);
    expect(other.days.reduce((sum, d) => sum + d.scans, 0)).toBe(1);
  });

  it("counts a row stamped outside the listed days on the nearest day", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    await h.db.insert(usageEvents).values({
      clientId: acme.id,
      period: "2026-10",
      kind: "resource",
      idempotencyKey: "resource:late",
      createdAt: new Date("2026-11-01T00:00:01Z"),
    });
    h.clock.reset(new Date("2026-10-02T10:00:00Z"));
    const series = await getUsageSeries({ ctx: await h.ctxFor(acme.id), input: {} });
    expect(series.days.map((d) => d.cumulative_resources)).toEqual([0, 1]);
  });

  it.each(["2026-13", "Oct", ""])("rejects the period %j naming `period`", async (period) => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    const error = await serviceError(getUsageSeries({ ctx: await h.ctxFor(acme.id), input: { period } }));
    expect(error).toMatchObject({ code: "INVALID_REQUEST", details: { field: "period" } });
  });
});
