// Schedules in time zones that change offset: the clock is moved run by run through the transitions,
// and each run must happen at the customer's local time, at the UTC instant that time is on that day.
import { jobs } from "@tagc/db";
import { asc, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/testing";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { type JobsHarness, MINUTE, type Tenant, useJobsHarness } from "./harness";

const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    at,
  );

async function create(h: JobsHarness, tenant: Tenant, time: string, timezone: string) {
  const created = await runTool(await h.toolCtx(tenant.id), scheduleComplianceAudit, {
    schedule: "daily",
    time,
    timezone,
    resource_types: ["ec2:instance"],
  });
  return created.schedules[0]!;
}

/** This schedule's audit jobs, by due instant. */
async function runsOf(h: JobsHarness, scheduleId: string) {
  const rows = await h.db
    .select()
    .from(jobs)
    .where(like(jobs.dedupeKey, `scheduled_audit:${scheduleId}:%`))
    .orderBy(asc(jobs.runAt));
  return Object.fromEntries(rows.map((row) => [String(row.payload.due_at), row.status]));
}

/**
 * Walks the schedule through `expected` runs: a minute before each, nothing is due; at the instant,
 * its job runs and leaves a snapshot stamped with it; the schedule then points at the next instant.
 * Other work the days bring (daily snapshots, health checks) runs alongside and is not counted here.
 */
async function walk(h: JobsHarness, tenant: Tenant, scheduleId: string, first: string, expected: string[]) {
  expect(first).toBe(expected[0]);
  const stamped: string[] = [];
  for (const [index, instant] of expected.entries()) {
    h.clock.set(new Date(new Date(instant).getTime() - MINUTE));
    await h.main.tick();
    expect(Object.keys(await runsOf(h, scheduleId))).toEqual(expected.slice(0, index));
    h.clock.set(instant);
    await h.main.tick();
    await h.main.work();
    expect(await runsOf(h, scheduleId)).toEqual(
      Object.fromEntries(expected.slice(0, index + 1).map((at) => [at, "done"])),
    );
    const snapshots = (await h.snapshots(tenant.id, "scheduled")).filter(
      (s) => s.scope.schedule_id === scheduleId,
    );
    stamped.push(snapshots.at(-1)!.createdAt.toISOString());
    const listed = await runTool(await h.toolCtx(tenant.id), scheduleComplianceAudit, { action: "list" });
    const schedule = listed.schedules.find((s) => s.schedule_id === scheduleId)!;
    if (expected[index + 1]) expect(schedule.next_run).toBe(expected[index + 1]);
  }
  expect(stamped).toEqual(expected);
  // Done with it: later tests move the clock on and must not find it due.
  await runTool(await h.toolCtx(tenant.id), scheduleComplianceAudit, {
    action: "cancel",
    schedule_id: scheduleId,
  });
  return stamped;
}

describe("schedules across DST changes (postgres)", () => {
  // Created the Thursday before Europe's spring change (Sunday 29 March 2026, 01:00 UTC).
  const harness = useJobsHarness("postgres", { start: new Date("2026-03-26T12:00:00Z") });

  it("09:00 Europe/Paris runs at 08:00 UTC in winter time and 07:00 UTC in summer time", async () => {
    const h = harness();
    h.clock.set("2026-03-26T12:00:00Z");
    const schedule = await create(h, h.acme, "09:00", "Europe/Paris");
    const runs = await walk(h, h.acme, schedule.schedule_id, schedule.next_run, [
      "2026-03-27T08:00:00.000Z",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
    for (const run of runs) expect(localTime(new Date(run), "Europe/Paris")).toBe("09:00");
  });

  it("and back to 08:00 UTC when summer time ends (25 October 2026)", async () => {
    const h = harness();
    h.clock.set("2026-10-23T12:00:00Z");
    const schedule = await create(h, h.acme, "09:00", "Europe/Paris");
    const runs = await walk(h, h.acme, schedule.schedule_id, schedule.next_run, [
      "2026-10-24T07:00:00.000Z",
      "2026-10-25T08:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
    ]);
    for (const run of runs) expect(localTime(new Date(run), "Europe/Paris")).toBe("09:00");
  });

  it("02:30 America/New_York, a time the spring change skips, runs once that day at 03:30 local", async () => {
    const h = harness();
    // New York springs forward on Sunday 8 March 2026: 02:00 EST becomes 03:00 EDT.
    h.clock.set("2026-03-06T12:00:00Z");
    const schedule = await create(h, h.globex, "02:30", "America/New_York");
    const runs = await walk(h, h.globex, schedule.schedule_id, schedule.next_run, [
      "2026-03-07T07:30:00.000Z",
      "2026-03-08T07:30:00.000Z",
      "2026-03-09T06:30:00.000Z",
    ]);
    expect(runs.map((run) => localTime(new Date(run), "America/New_York"))).toEqual([
      "02:30",
      "03:30",
      "02:30",
    ]);
    // The other tenant's schedules and snapshots are its own.
    const acmeSchedules = await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      action: "list",
    });
    expect(acmeSchedules.schedules.map((s) => s.schedule_id)).not.toContain(schedule.schedule_id);
    expect((await h.snapshots(h.acme.id)).some((s) => s.scope.schedule_id === schedule.schedule_id)).toBe(
      false,
    );
  });
});
