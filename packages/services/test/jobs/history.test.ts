// A month of scheduled snapshots, taken by the worker while the customer tags more resources every
// few days: get_violation_history's `scheduled` series shows that trend, and ad-hoc partial scans
// (stored by check_tag_compliance with a region filter) never change it.
import type { ResourceSeedInput } from "@tagc/aws-sandbox";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/testing";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { getViolationHistory } from "../../src/tools/get-violation-history";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { DAY, HOUR, useJobsHarness } from "./harness";
import { acmeAccount, reshapeAccount } from "./world";

const DAYS = 30;
// The month ends today: ad-hoc snapshots are stamped by the database with the real time, so the
// series has to reach it.
const today = new Date();
const BASE = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - DAYS * DAY);
const US_INSTANCES = 10;
const EU_INSTANCES = 2;

/** On day d, the first ⌊(d-1)/3⌋ us-east-1 instances are fully tagged; eu-west-1 never is. */
const compliantOn = (day: number) => Math.min(US_INSTANCES, Math.floor((day - 1) / 3));
const scoreOn = (day: number) =>
  Math.round((compliantOn(day) / (US_INSTANCES + EU_INSTANCES)) * 10_000) / 10_000;

function resourcesOn(day: number): ResourceSeedInput[] {
  const tagged = { Owner: "web@acme.example", Environment: "production", Application: "shop" };
  return [
    ...Array.from({ length: US_INSTANCES }, (_, i) => ({
      type: "ec2:instance",
      region: "us-east-1",
      id: `i-0hist0000000000${String(i).padStart(2, "0")}`,
      state: "running",
      tags: i < compliantOn(day) ? tagged : { Owner: "web@acme.example" },
    })),
    ...Array.from({ length: EU_INSTANCES }, (_, i) => ({
      type: "ec2:instance",
      region: "eu-west-1",
      id: `i-0histeu00000000${String(i).padStart(2, "0")}`,
      state: "running",
      tags: {},
    })),
  ];
}

const dayLabel = (day: number) => new Date(BASE.getTime() + day * DAY).toISOString().slice(0, 10);

describe("violation history over a month of scheduled snapshots (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: new Date(BASE.getTime() + 10 * HOUR) });

  it("trends with the scheduled series; ad-hoc partial snapshots stay out of it", async () => {
    const h = harness();
    await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "06:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
    });
    for (let day = 1; day <= DAYS; day++) {
      reshapeAccount(h.sandbox, acmeAccount(resourcesOn(day)));
      h.clock.set(new Date(BASE.getTime() + day * DAY + 6 * HOUR));
      await h.main.tick();
      const runs = await h.main.work();
      expect(runs.filter((r) => r.outcome !== "done" && r.outcome !== "skipped")).toEqual([]);
    }
    // Partial ad-hoc checks today: one region of two, all of it untagged (score 0).
    for (let i = 0; i < 3; i++) {
      const adHoc = await runTool(await h.toolCtx(h.acme.id), checkTagCompliance, {
        resource_types: ["ec2:instance"],
        filters: { regions: ["eu-west-1"] },
        store_snapshot: true,
        force_refresh: true,
      });
      expect(adHoc).toMatchObject({ compliance_score: 0, stored_in_history: true });
    }

    h.clock.set(new Date(BASE.getTime() + DAYS * DAY + 7 * HOUR));
    const ctx = await h.toolCtx(h.acme.id);
    const scheduled = await runTool(ctx, getViolationHistory, {
      days_back: DAYS,
      group_by: "day",
      kind: "scheduled",
    });
    // Each day: the 02:00 daily snapshot and the 06:00 audit, both over the same instances.
    expect(scheduled.periods.map((p) => [p.period, p.snapshot_count, p.mean_score])).toEqual(
      Array.from({ length: DAYS }, (_, i) => [dayLabel(i + 1), 2, scoreOn(i + 1)]),
    );
    expect(scheduled.trend).toEqual({
      direction: "improving",
      change_points: Math.round((scoreOn(DAYS) - scoreOn(1)) * 10_000) / 100,
      from_period: dayLabel(1),
      to_period: dayLabel(DAYS),
    });
    const weekly = await runTool(ctx, getViolationHistory, {
      days_back: DAYS,
      group_by: "week",
      kind: "scheduled",
    });
    expect(weekly.trend.direction).toBe("improving");
    expect(weekly.periods.reduce((sum, p) => sum + p.snapshot_count, 0)).toBe(2 * DAYS);

    // The ad-hoc series is only the partial scans; mixing both would drag today's mean down.
    const adHoc = await runTool(ctx, getViolationHistory, {
      days_back: DAYS,
      group_by: "day",
      kind: "ad_hoc",
    });
    expect(adHoc.snapshot_count).toBe(3);
    expect(adHoc.periods.every((p) => p.mean_score === 0)).toBe(true);
    const mixed = await runTool(ctx, getViolationHistory, { days_back: DAYS, group_by: "day", kind: "all" });
    expect(mixed.snapshot_count).toBe(2 * DAYS + 3);
    expect(mixed.trend.change_points).toBeLessThan(scheduled.trend.change_points);

    // The other tenant's history is its own: its daily snapshots only, a flat trend.
    const globex = await runTool(await h.toolCtx(h.globex.id), getViolationHistory, {
      days_back: DAYS,
      group_by: "day",
      kind: "scheduled",
    });
    expect(globex.snapshot_count).toBe(DAYS);
    expect(globex.trend.direction).toBe("stable");
    // A month of daily jobs (each a scan of both tenants): 18 s alone, past 60 s beside the full suite.
  }, 240_000);
});
