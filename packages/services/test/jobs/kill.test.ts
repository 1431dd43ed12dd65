// A worker process is SIGKILLed in the middle of a scheduled audit: its job stays `running` under a
// lease nobody renews. Until the lease runs out no other worker touches it; then another worker takes
// it over, runs it, and the run's effects (snapshot, schedule move, audit row) happen once.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { auditEvents, jobs } from "@tagc/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runTool } from "../../src/testing";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { type JobsHarness, MINUTE, useJobsHarness } from "./harness";
import { CONTROL_PLANE } from "./world";

const START = new Date("2026-05-04T10:00:00Z");
const FIXTURE = fileURLToPath(new URL("./fixtures/claim-and-run.ts", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const CHILD_WORKER = "killed-worker#0";

/** Starts the worker process and resolves with the job it claimed. */
function spawnWorker(h: JobsHarness): { child: ChildProcess; claimed: Promise<string> } {
  const args = {
    databaseUrl: h.database.url,
    sandboxUrl: h.sandbox.url,
    accessKeyId: CONTROL_PLANE.access_key_id,
    secretAccessKey: CONTROL_PLANE.secret_access_key,
    workerId: CHILD_WORKER,
    leaseMs: 60_000,
    now: h.clock.now().toISOString(),
  };
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, JSON.stringify(args)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const claimed = new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((l) => l.includes('"claimed"'));
      if (line) resolve(JSON.parse(line).claimed);
    });
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before claiming: ${stderr}`)));
  });
  return { child, claimed };
}

async function until(condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a worker killed mid-job (postgres, a real child process)", () => {
  const harness = useJobsHarness("postgres", { start: START });

  it("keeps its lease until it runs out; then the other worker retries the job, which runs once", async () => {
    const h = harness();
    const other = h.replica("survivor");
    const created = await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "10:30",
      timezone: "UTC",
      resource_types: ["all"],
    });
    const scheduleId = created.schedules[0]!.schedule_id;
    h.clock.set(new Date(START.getTime() + 31 * MINUTE));
    expect((await h.main.tick()).enqueued.scheduled_audit).toBe(1);

    // Slow AWS, so the job is surely still running when the process dies.
    h.sandbox.setFaults({ latency_ms: 300 });
    const assumeBefore = h.assumeRoleCalls();
    const { child, claimed } = spawnWorker(h);
    const jobId = await claimed;
    expect(jobId).toMatch(/^job_/);
    // Mid-job: the re-verification has reached AWS.
    await until(() => h.assumeRoleCalls() > assumeBefore);
    const exited = new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    h.sandbox.setFaults({});

    const [abandoned] = await h.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(abandoned).toMatchObject({ status: "running", lockedBy: CHILD_WORKER, attempts: 1 });
    expect(await h.snapshots(h.acme.id)).toEqual([]);

    // While the lease holds, the job is not the survivor's to take.
    expect(await other.work()).toEqual([]);

    h.clock.set(new Date(abandoned!.lockedUntil!.getTime() + 1_000));
    const runs = await other.work();
    expect(runs.map((r) => [r.job.id, r.outcome])).toEqual([[jobId, "done"]]);
    const [retried] = await h.db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(retried).toMatchObject({
      status: "done",
      attempts: 2,
      lockedBy: null,
      lastError: `the lease of ${CHILD_WORKER} expired`,
    });

    const snapshots = await h.snapshots(h.acme.id);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ kind: "scheduled", accountId: h.acme.accountId });
    const runsAudited = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clientId, h.acme.id), eq(auditEvents.operation, "schedule.run")));
    expect(runsAudited.map((row) => row.params.schedule_id)).toEqual([scheduleId]);
    const listed = await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, { action: "list" });
    expect(listed.schedules[0]?.next_run).toBe("2026-05-05T10:30:00.000Z");
    // The other tenant was never touched by either worker.
    expect(await h.jobsOf(h.globex.id)).toEqual([]);
    expect(await h.snapshots(h.globex.id)).toEqual([]);
  });
});
