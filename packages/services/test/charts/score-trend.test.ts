// getScoreTrend: the stored snapshots of one tenant as daily series per account and overall. Both
// tenants store snapshots on the same days; each sees only its own.
import { complianceSnapshots } from "@tagc/db";
import { describe, expect, it } from "vitest";
import { getScoreTrend } from "../../src/charts/score-trend";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, type Harness, KINDS, serviceError, useHarness } from "../harness";

const NOW = new Date("2026-10-20T12:00:00.000Z");
const SECOND_ACCOUNT = "333333333333";

describe.each(KINDS)("getScoreTrend on %s", (kind) => {
  const harness = useHarness(kind);

  async function snapshot(
    h: Harness,
    clientId: string,
    at: string,
    values: {
      account?: string;
      total: number;
      compliant: number;
      partial?: boolean;
      kind?: "scheduled" | "ad_hoc";
    },
  ) {
    await h.db.insert(complianceSnapshots).values({
      clientId,
      accountId: values.account ?? ACME_ACCOUNT,
      scope: { data_quality: values.partial ? "partial" : "complete" },
      score: values.total === 0 ? null : values.compliant / values.total,
      total: values.total,
      compliant: values.compliant,
      violationCount: values.total - values.compliant,
      byRegion: {},
      kind: values.kind ?? "scheduled",
      createdAt: new Date(at),
    });
  }

  it("gives one point per day per account (the day's last snapshot) and a resource-weighted overall", async () => {
    const h = harness();
    h.clock.reset(NOW);
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);

    await snapshot(h, acme.id, "2026-10-18T06:00:00Z", { total: 10, compliant: 2 });
    // The same day's rescan replaces the morning's reading.
    await snapshot(h, acme.id, "2026-10-18T18:00:00Z", { total: 10, compliant: 5 });
    await snapshot(h, acme.id, "2026-10-18T09:00:00Z", { account: SECOND_ACCOUNT, total: 30, compliant: 30 });
    // A scan that read nothing is a gap, not a zero.
    await snapshot(h, acme.id, "2026-10-19T06:00:00Z", { total: 0, compliant: 0 });
    await snapshot(h, acme.id, "2026-10-20T06:00:00Z", { total: 10, compliant: 8 });
    // A partial ad-hoc scan would draw a false dip: left out.
    await snapshot(h, acme.id, "2026-10-20T07:00:00Z", {
      total: 10,
      compliant: 0,
      partial: true,
      kind: "ad_hoc",
    });
    // Outside the default 30 days.
    await snapshot(h, acme.id, "2026-09-01T06:00:00Z", { total: 10, compliant: 10 });

    await snapshot(h, globex.id, "2026-10-18T06:00:00Z", { account: GLOBEX_ACCOUNT, total: 4, compliant: 1 });
    await snapshot(h, globex.id, "2026-10-19T06:00:00Z", { account: GLOBEX_ACCOUNT, total: 4, compliant: 4 });

    const trend = await getScoreTrend({ ctx: await h.ctxFor(acme.id), input: {} });
    expect(trend).toEqual({
      since: "2026-09-20T12:00:00.000Z",
      until: NOW.toISOString(),
      snapshot_count: 5,
      days: ["2026-10-18", "2026-10-19", "2026-10-20"],
      // 2026-10-18: (5 + 30) / (10 + 30).
      overall: [
        { day: "2026-10-18", score: 0.875 },
        { day: "2026-10-19", score: null },
        { day: "2026-10-20", score: 0.8 },
      ],
      accounts: [
        {
          account_id: ACME_ACCOUNT,
          points: [
            { day: "2026-10-18", score: 0.5 },
            { day: "2026-10-19", score: null },
            { day: "2026-10-20", score: 0.8 },
          ],
        },
        {
          account_id: SECOND_ACCOUNT,
          points: [
            { day: "2026-10-18", score: 1 },
            { day: "2026-10-19", score: null },
            { day: "2026-10-20", score: null },
          ],
        },
      ],
    });

    const other = await getScoreTrend({ ctx: await h.ctxFor(globex.id), input: {} });
    expect(other.accounts.map((a) => a.account_id)).toEqual([GLOBEX_ACCOUNT]);
    expect(other.overall).toEqual([
      { day: "2026-10-18", score: 0.25 },
      { day: "2026-10-19", score: 1 },
    ]);
    expect(JSON.stringify(other)).not.toContain(ACME_ACCOUNT);

    const window = await getScoreTrend({
      ctx: await h.ctxFor(acme.id),
      input: { since: "2026-08-01", until: "2026-10-18T12:00:00Z" },
    });
    expect(window.days).toEqual(["2026-09-01", "2026-10-18"]);
    expect(window.overall).toEqual([
      { day: "2026-09-01", score: 1 },
      // Only the morning scan and the second account are before noon.
      { day: "2026-10-18", score: 0.8 },
    ]);
  });

  it.each([
    [{ since: "yesterday" }, "since", /ISO 8601 date/],
    [{ until: "2026-02-30" }, "until", /ISO 8601 date/],
    [{ since: "2026-10-10", until: "2026-10-01" }, "since", /must not be after until/],
    [{ since: "2025-01-01", until: "2026-10-01" }, "since", /at most 366 days/],
  ])("rejects %j naming `%s`", async (input, field, message) => {
    const h = harness();
    h.clock.reset(NOW);
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    const error = await serviceError(getScoreTrend({ ctx: await h.ctxFor(acme.id), input }));
    expect(error).toMatchObject({ code: "INVALID_REQUEST", details: { field } });
    expect(error.message).toMatch(new RegExp(`^${field}: `));
    expect(error.message).toMatch(message);
  });
});
