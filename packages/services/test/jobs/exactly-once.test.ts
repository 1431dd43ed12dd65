// Two replicas (two pools on one Postgres, each with its own credential broker) tick and work at the
// same moment, twice over: every due unit of work is enqueued once and runs once.
import { auditEvents, jobs } from "@tagc/db";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/testing";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { DAY, HOUR, MINUTE, useJobsHarness } from "./harness";

// 2026-05-04 is a Monday; the tenants are onboarded at 10:00 UTC.
const START = new Date("2026-05-04T10:00:00Z");

describe("each due job runs exactly once across two replicas (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });

  it("scheduled audits: one job, one snapshot and one AssumeRole per due run", async () => {
    const h = harness();
    const a = h.main;
    const b = h.replica("replica-b");
    for (const tenant of [h.acme, h.globex]) {
      for (const time of ["10:30", "10:45"]) {
        await runTool(await h.toolCtx(tenant.id), scheduleComplianceAudit, {
          schedule: "daily",
          time,
          timezone: "UTC",
          resource_types: ["ec2:instance"],
        });
      }
    }
    // Not due yet: both replicas tick and nothing is queued.
    await Promise.all([a.tick(), b.tick()]);
    expect(await h.jobsOf(h.acme.id)).toEqual([]);

    h.clock.set(new Date(START.getTime() + HOUR));
    const assumeBefore = h.assumeRoleCalls();
    // Both replicas tick twice at once, then both work at once. One lane each: within one replica, two
    // verifications of one tenant at the same moment share one STS call (the broker's single flight),
    // which would make the AssumeRole count below depend on timing rather than on runs.
    const ticks = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(ticks.reduce((sum, t) => sum + t.enqueued.scheduled_audit, 0)).toBe(4);
    const [runsA, runsB] = await Promise.all([a.work(1), b.work(1)]);
    const runs = [...runsA, ...runsB];
    expect(runs.map((r) => r.outcome)).toEqual(["done", "done", "done", "done"]);
    // No job ran twice, whichever lane of which replica claimed it.
    expect(new Set(runs.map((r) => r.job.id)).size).toBe(4);

    for (const tenant of [h.acme, h.globex]) {
      const rows = await h.jobsOf(tenant.id);
      expect(rows.map((j) => [j.kind, j.status, j.attempts])).toEqual([
        ["scheduled_audit", "done", 1],
        ["scheduled_audit", "done", 1],
      ]);
      const snapshots = await h.snapshots(tenant.id, "scheduled");
      expect(snapshots).toHaveLength(2);
      // The second tenant's snapshots are its own account's, never the first's.
      expect(new Set(snapshots.map((s) => s.accountId))).toEqual(new Set([tenant.accountId]));
      const audits = await h.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.clientId, tenant.id), eq(auditEvents.operation, "schedule.run")));
      expect(audits).toHaveLength(2);
    }
    // One verification per run, and the scan reused that fresh session.
    expect(h.assumeRoleCalls() - assumeBefore).toBe(4);

    // Ticking again changes nothing: every schedule moved to tomorrow.
    await Promise.all([a.tick(), b.tick()]);
    expect(await a.work()).toEqual([]);
    const schedules = await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, { action: "list" });
    expect(schedules.schedules.map((s) => s.next_run)).toEqual([
      "2026-05-05T10:30:00.000Z",
      "2026-05-05T10:45:00.000Z",
    ]);
  });

  it("daily jobs: one health check and one snapshot per connected client per day", async () => {
    const h = harness();
    const a = h.main;
    const b = h.replica("replica-c");
    // The next day, after the 01:30 health check and the 02:00 snapshot.
    h.clock.set(new Date(START.getTime() + DAY - 10 * HOUR + 5 * MINUTE + 2 * HOUR));
    const verificationsBefore = h.verifications();
    const snapshotsBefore = (await h.snapshots(h.acme.id)).length + (await h.snapshots(h.globex.id)).length;
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    const [runsA, runsB] = await Promise.all([a.work(2), b.work(2)]);
    const runs = [...runsA, ...runsB];
    expect(runs.map((r) => `${r.job.kind}:${r.outcome}`).sort()).toEqual([
      "connection_health:done",
      "connection_health:done",
      "daily_snapshot:done",
      "daily_snapshot:done",
    ]);
    const daily = await h.db
      .select()
      .from(jobs)
      .where(inArray(jobs.kind, ["daily_snapshot", "connection_health"]));
    expect(daily.map((j) => j.dedupeKey).sort()).toEqual(
      [
        `connection_health:${h.acme.id}:2026-05-05`,
        `connection_health:${h.globex.id}:2026-05-05`,
        `daily_snapshot:${h.acme.id}:2026-05-05`,
        `daily_snapshot:${h.globex.id}:2026-05-05`,
      ].sort(),
    );
    expect(daily.every((j) => j.attempts === 1 && j.status === "done")).toBe(true);
    // One verification per health check, none twice.
    expect(h.verifications() - verificationsBefore).toBe(2);
    const snapshotsAfter = (await h.snapshots(h.acme.id)).length + (await h.snapshots(h.globex.id)).length;
    expect(snapshotsAfter - snapshotsBefore).toBe(2);
    const [acmeDaily] = (await h.snapshots(h.acme.id, "scheduled")).filter((s) => s.scope.source === "daily");
    // Every enabled region of the account, the snapshot taken at the job's clock.
    expect(acmeDaily?.scope.regions).toEqual(["eu-west-1", "us-east-1"]);
    expect(acmeDaily?.createdAt).toEqual(h.clock.now());
  });
});
