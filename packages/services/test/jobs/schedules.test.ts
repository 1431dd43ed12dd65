// Listing and cancelling schedules (the verbs behind REST), each tenant seeing only its own; a cancelled
// schedule's queued run is cancelled with it; and a run that fails for good moves its schedule on
// instead of holding it forever.
import { describe, expect, it } from "vitest";
import { ServiceError } from "../../src/errors";
import { cancelSchedule } from "../../src/schedules/cancel";
import { listSchedules } from "../../src/schedules/list";
import { runTool } from "../../src/testing";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { type JobsHarness, MINUTE, type Tenant, useJobsHarness } from "./harness";

const START = new Date("2026-04-06T10:00:00Z");

async function createSchedule(h: JobsHarness, tenant: Tenant, time: string) {
  const created = await runTool(await h.toolCtx(tenant.id), scheduleComplianceAudit, {
    schedule: "daily",
    time,
    timezone: "Europe/Paris",
    resource_types: ["ec2:instance"],
  });
  return created.schedules[0]!.schedule_id;
}

describe("schedule list and cancel (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START, config: { maxAttempts: 2 } });

  it("lists a tenant's own schedules; cancelling one cancels its queued run; the other tenant's id is not found", async () => {
    const h = harness();
    const acmeMorning = await createSchedule(h, h.acme, "13:00");
    const acmeEvening = await createSchedule(h, h.acme, "20:00");
    const globexMorning = await createSchedule(h, h.globex, "13:00");

    const listed = await listSchedules({ ctx: await h.clientCtx(h.acme.id) });
    expect(listed.data.map((s) => [s.schedule_id, s.time, s.timezone, s.status, s.next_run])).toEqual([
      [acmeMorning, "13:00", "Europe/Paris", "active", "2026-04-06T11:00:00.000Z"],
      [acmeEvening, "20:00", "Europe/Paris", "active", "2026-04-06T18:00:00.000Z"],
    ]);

    // Acme's morning run is queued (due, not started) when the schedule is cancelled.
    h.clock.set("2026-04-06T11:00:00Z");
    await h.main.tick();
    const cancelled = await cancelSchedule({
      ctx: await h.clientCtx(h.acme.id),
      input: { schedule_id: acmeMorning },
    });
    expect(cancelled).toMatchObject({ schedule_id: acmeMorning, status: "cancelled" });
    const [queued] = (await h.jobsOf(h.acme.id)).filter((j) => j.kind === "scheduled_audit");
    expect(queued).toMatchObject({ status: "cancelled", result: { reason: "schedule_cancelled" } });
    const runs = await h.main.work();
    expect(runs.filter((r) => r.job.clientId === h.acme.id && r.job.kind === "scheduled_audit")).toEqual([]);
    expect(
      runs.filter((r) => r.job.kind === "scheduled_audit").map((r) => [r.job.clientId, r.outcome]),
    ).toEqual([[h.globex.id, "done"]]);
    // Idempotent, and the schedule stays listed as cancelled.
    await cancelSchedule({ ctx: await h.clientCtx(h.acme.id), input: { schedule_id: acmeMorning } });
    expect((await listSchedules({ ctx: await h.clientCtx(h.acme.id) })).data.map((s) => s.status)).toEqual([
      "cancelled",
      "active",
    ]);

    // Globex's schedule id under Acme: not found, and untouched.
    const error = await cancelSchedule({
      ctx: await h.clientCtx(h.acme.id),
      input: { schedule_id: globexMorning },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: `schedule ${globexMorning} was not found` });
    expect((await listSchedules({ ctx: await h.clientCtx(h.globex.id) })).data).toMatchObject([
      { schedule_id: globexMorning, status: "active", next_run: "2026-04-07T11:00:00.000Z" },
    ]);
    // Out of the next test's way.
    await cancelSchedule({ ctx: await h.clientCtx(h.acme.id), input: { schedule_id: acmeEvening } });
    await cancelSchedule({ ctx: await h.clientCtx(h.globex.id), input: { schedule_id: globexMorning } });
  });

  it("a run that fails on every attempt moves its schedule to the next occurrence", async () => {
    const h = harness();
    h.clock.set("2026-04-08T09:00:00Z");
    const scheduleId = await createSchedule(h, h.globex, "12:00");
    h.clock.set("2026-04-08T10:00:00Z");
    // AWS throttles every AssumeRole: the re-verification never completes, and is worth retrying.
    h.sandbox.setFaults({ throttle: { rate: 1, operations: ["sts:AssumeRole"] } });
    await h.main.tick();
    const ours = (runs: Awaited<ReturnType<typeof h.main.work>>) =>
      runs.filter((r) => r.job.kind === "scheduled_audit" && r.job.payload.schedule_id === scheduleId);
    const first = ours(await h.main.work());
    expect(first.map((r) => r.outcome)).toEqual(["retry"]);
    h.clock.advance(MINUTE);
    const second = ours(await h.main.work());
    expect(second.map((r) => r.outcome)).toEqual(["failed"]);
    h.sandbox.setFaults({});
    expect(await h.client(h.globex.id)).toMatchObject({ status: "connected" });

    const tick = await h.main.tick();
    expect(tick.advanced_schedules).toBe(1);
    const [schedule] = (await listSchedules({ ctx: await h.clientCtx(h.globex.id) })).data.filter(
      (s) => s.schedule_id === scheduleId,
    );
    expect(schedule).toMatchObject({ next_run: "2026-04-09T10:00:00.000Z", last_run: null });
    // A second tick (another replica) does not move it again.
    expect((await h.replica("other").tick()).advanced_schedules).toBe(0);
    // The next occurrence runs normally.
    h.clock.set("2026-04-09T10:00:00Z");
    await h.main.tick();
    expect(ours(await h.main.work()).map((r) => r.outcome)).toEqual(["done"]);
  });
});
