// The worker role as the server runs it (startWorker): two workers on one Postgres, each with its own
// pool, run each due job once; /health shows the worker's last and next runs and its recent failures;
// /metrics counts jobs and their durations; stopping finishes or releases the job under way.
import { complianceSnapshots, jobs } from "@tagc/db";
import { TestClock } from "@tagc/testkit";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { WorkerHealth } from "../../src/worker/status";
import { useHarness } from "../support/use-harness";
import { createSchedule, testWorker } from "./support";

// A Monday; the harness onboards both tenants at 10:00 UTC on this clock.
const START = new Date("2026-05-04T10:00:00Z");

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the worker role (postgres)", () => {
  const clock = new TestClock(START);
  const harness = useHarness({ kind: "postgres", now: clock.now });
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup) await step();
  });

  const snapshotsOf = async (clientId: string) =>
    (await harness().db.select().from(complianceSnapshots).where(eq(complianceSnapshots.clientId, clientId)))
      .length;

  it("two workers (two pools) ticking and working at once run each due audit exactly once", async () => {
    const h = harness();
    for (const tenant of h.tenants) {
      for (const time of ["10:20", "10:40"]) {
        await createSchedule(h, tenant.id, {
          schedule: "daily",
          time,
          timezone: "UTC",
          resource_types: ["ec2:instance"],
        });
      }
    }
    const a = testWorker(h, clock.now, { id: "worker-a", cleanup });
    const b = testWorker(h, clock.now, { id: "worker-b", own: true, cleanup });
    clock.set(new Date("2026-05-04T10:45:00Z"));
    const [runsA, runsB] = await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    const runs = [...runsA, ...runsB];
    expect(runs.map((r) => `${r.job.kind}:${r.outcome}`)).toEqual(Array(4).fill("scheduled_audit:done"));
    expect(new Set(runs.map((r) => r.job.id)).size).toBe(4);
    for (const tenant of h.tenants) expect(await snapshotsOf(tenant.id)).toBe(2);
    // The next pass of both finds nothing left to do.
    const again = await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    expect(again.flat()).toEqual([]);
    // Each worker counted what it ran, and only that.
    const counted = async (t: ReturnType<typeof testWorker>) =>
      (await t.metrics.jobs.get()).values.reduce((sum, v) => sum + v.value, 0);
    expect((await counted(a)) + (await counted(b))).toBe(4);
  });

  it("/health shows this process's last and next runs and its recent failures; /metrics counts jobs by kind and outcome", async () => {
    const h = harness();
    await createSchedule(h, h.acme.id, {
      schedule: "daily",
      time: "11:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
      recipients: ["finops@acme.example"],
    });
    const relayDown = {
      kind: "down",
      send: async () => Promise.reject(new Error("relay at 10.0.0.7 refused")),
    };
    const w = testWorker(h, clock.now, { id: "worker-health", metrics: h.deps.metrics, notifier: relayDown });
    h.deps.worker = w.worker;
    clock.set(new Date("2026-05-04T11:00:30Z"));
    const runs = await w.worker.runOnce();
    expect(runs.map((r) => `${r.job.kind}:${r.outcome}`)).toEqual([
      "scheduled_audit:done",
      "send_report:retry",
    ]);

    const health = await h.request<{ status: string; worker: WorkerHealth }>("GET", "/health", {
      token: null,
    });
    expect(health.status).toBe(200);
    const worker = health.body.worker;
    expect(worker).toMatchObject({
      id: "worker-health",
      concurrency: 2,
      stopping: false,
      last_tick_error: null,
      running: [],
    });
    expect(worker.last_tick_at).not.toBeNull();
    expect(worker.next_runs).toEqual({
      scheduled_audit: "2026-05-05T10:20:00.000Z",
      daily_snapshot: "2026-05-05T02:00:00.000Z",
      connection_health: "2026-05-05T01:30:00.000Z",
    });
    expect(worker.last_runs.scheduled_audit).toMatchObject({ outcome: "done" });
    expect(worker.last_runs.send_report).toMatchObject({ outcome: "retry" });
    expect(worker.recent_failures).toEqual([
      expect.objectContaining({ kind: "send_report", outcome: "retry", attempt: 1, error: "Error" }),
    ]);
    // /health is public: the error's message (which may name a host or an account) stays out of it.
    expect(health.text).not.toContain("10.0.0.7");
    expect(health.text).not.toContain(h.acme.id);

    const metrics = await h.request("GET", "/metrics", { token: null });
    expect(metrics.text).toContain('tagc_jobs_total{kind="scheduled_audit",outcome="done"} 1');
    expect(metrics.text).toContain('tagc_jobs_total{kind="send_report",outcome="retry"} 1');
    expect(metrics.text).toMatch(
      /tagc_job_duration_seconds_count\{kind="scheduled_audit",outcome="done"\} 1/,
    );
    expect(metrics.text).toContain('tagc_jobs_enqueued_total{kind="scheduled_audit"} 1');
    expect(metrics.text).toContain('tagc_scheduler_ticks_total{outcome="ok"} 1');
    // The job row keeps the message for operators.
    const [delivery] = await h.db.select().from(jobs).where(eq(jobs.kind, "send_report"));
    expect(delivery).toMatchObject({ status: "queued", lastError: "Error: relay at 10.0.0.7 refused" });
    await h.db.update(jobs).set({ status: "cancelled" }).where(eq(jobs.id, delivery!.id));
  });

  it("stopping releases a job still running after the grace period; another worker runs it, once", async () => {
    const h = harness();
    const schedule = await createSchedule(h, h.globex.id, {
      schedule: "daily",
      time: "12:00",
      timezone: "UTC",
      resource_types: ["all"],
    });
    clock.set(new Date("2026-05-04T12:00:00Z"));
    const before = await snapshotsOf(h.globex.id);
    const stopping = testWorker(h, clock.now, { id: "worker-stopping", cleanup });
    h.sandbox.setFaults({ latency_ms: 150 });
    const cycle = stopping.worker.runOnce();
    await until(() => stopping.worker.status().running.length > 0);
    const [running] = stopping.worker.status().running;
    expect(await stopping.worker.stop({ graceMs: 20 })).toEqual({ released: 1 });
    const [released] = await h.db.select().from(jobs).where(eq(jobs.id, running!.job_id));
    expect(released).toMatchObject({ status: "queued", attempts: 0, lockedBy: null });
    expect(stopping.worker.status().stopping).toBe(true);
    h.sandbox.setFaults({});

    const survivor = testWorker(h, clock.now, { id: "worker-survivor", own: true, cleanup });
    const runs = await survivor.worker.runOnce();
    expect(runs.map((r) => [r.job.id, r.outcome])).toEqual([[running!.job_id, "done"]]);
    // The stopped worker's handler ends later and is fenced out: nothing written twice.
    const late = await cycle;
    expect(late.filter((r) => r.job.id === running!.job_id).map((r) => r.outcome)).toEqual(["lost"]);
    expect(await snapshotsOf(h.globex.id)).toBe(before + 1);
    expect(await h.db.select().from(jobs).where(eq(jobs.id, running!.job_id))).toMatchObject([
      { status: "done", attempts: 1, payload: { schedule_id: schedule.schedule_id } },
    ]);
    expect((await stopping.metrics.jobs.get()).values).toEqual([
      expect.objectContaining({ labels: { kind: "scheduled_audit", outcome: "released" }, value: 1 }),
    ]);
  });

  it("stopping within the grace period lets the job under way finish", async () => {
    const h = harness();
    await createSchedule(h, h.acme.id, {
      schedule: "daily",
      time: "13:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
    });
    clock.set(new Date("2026-05-04T13:00:00Z"));
    const w = testWorker(h, clock.now, { id: "worker-patient", cleanup });
    // Slow enough that the job is surely still running when stop is called.
    h.sandbox.setFaults({ latency_ms: 50 });
    const cycle = w.worker.runOnce();
    await until(() => w.worker.status().running.length > 0);
    expect(await w.worker.stop({ graceMs: 30_000 })).toEqual({ released: 0 });
    h.sandbox.setFaults({});
    expect((await cycle).map((r) => r.outcome)).toEqual(["done"]);
  });
});

describe("the worker role on the embedded default (pglite)", () => {
  const clock = new TestClock(START);
  const harness = useHarness({ kind: "pglite", now: clock.now });

  it("runs the daily health checks and snapshots of both tenants", async () => {
    const h = harness();
    const w = testWorker(h, clock.now, { id: "worker-embedded" });
    clock.set(new Date("2026-05-05T02:05:00Z"));
    const runs = await w.worker.runOnce();
    expect(runs.map((r) => `${r.job.kind}:${r.job.clientId}:${r.outcome}`).sort()).toEqual(
      h.tenants.flatMap((t) => [`connection_health:${t.id}:done`, `daily_snapshot:${t.id}:done`]).sort(),
    );
    for (const tenant of h.tenants) {
      const rows = await h.db
        .select()
        .from(complianceSnapshots)
        .where(eq(complianceSnapshots.clientId, tenant.id));
      expect(rows.map((r) => [r.kind, r.accountId])).toEqual([["scheduled", tenant.accountId]]);
    }
  });
});
