// A client offboarded while its jobs wait in the queue: each job re-reads the client, finds it deleted
// and does nothing — no AWS call, no snapshot, baseline, audit row or policy version — while the other
// tenant's jobs run as usual.
import { describe, expect, it } from "vitest";
import { deleteClient } from "../../src/clients/delete";
import { enqueueJobs } from "../../src/jobs/queue/enqueue";
import { runTool } from "../../src/testing";
import { importAwsTagPolicy } from "../../src/tools/import-aws-tag-policy";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { DAY, HOUR, useJobsHarness } from "./harness";
import { ACME_TAG_POLICY_ID } from "./world";

const START = new Date("2026-07-06T10:00:00Z");

describe("a client deleted while its jobs are queued (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });

  it("leaves no new rows and makes no AWS call for it; the other tenant's jobs still run", async () => {
    const h = harness();
    // Acme's policy is imported, so it also gets a policy sync job; both tenants get audit schedules.
    await runTool(await h.toolCtx(h.acme.id), importAwsTagPolicy, {
      policy_id: ACME_TAG_POLICY_ID,
      apply: true,
    });
    for (const tenant of [h.acme, h.globex]) {
      await runTool(await h.toolCtx(tenant.id), scheduleComplianceAudit, {
        schedule: "daily",
        time: "03:00",
        timezone: "UTC",
        resource_types: ["all"],
        recipients: ["finops@example.test"],
      });
    }
    // The next day at 03:00: health, policy sync, daily snapshot and the audit are all due.
    h.clock.set(new Date(START.getTime() + DAY - 7 * HOUR));
    await h.main.tick();
    const queued = await h.jobsOf(h.acme.id);
    expect(queued.map((j) => j.kind).sort()).toEqual([
      "connection_health",
      "daily_snapshot",
      "policy_sync",
      "scheduled_audit",
    ]);
    // And a report delivery left over from an earlier run.
    await enqueueJobs(h.db, [
      {
        clientId: h.acme.id,
        kind: "send_report",
        payload: { schedule_id: "sch_x", recipients: [] },
        runAt: h.clock.now(),
      },
    ]);

    await deleteClient({ ctx: await h.clientCtx(h.acme.id) });
    const before = await h.rowCounts(h.acme.id);
    const callsBefore = h.sandbox.counters().by_account_region;
    const acmeCallsBefore = Object.entries(callsBefore).filter(([place]) =>
      place.startsWith(h.acme.accountId),
    );

    const runs = await h.main.work();
    const acmeRuns = runs.filter((r) => r.job.clientId === h.acme.id);
    expect(acmeRuns.map((r) => [r.job.kind, r.outcome]).sort()).toEqual([
      ["connection_health", "skipped"],
      ["daily_snapshot", "skipped"],
      ["policy_sync", "skipped"],
      ["scheduled_audit", "skipped"],
      ["send_report", "skipped"],
    ]);
    for (const job of await h.jobsOf(h.acme.id)) {
      expect(job).toMatchObject({ status: "done", result: { reason: "client_deleted" } });
    }
    // Not one new row in any tenant table (the job rows themselves only changed status).
    expect(await h.rowCounts(h.acme.id)).toEqual(before);
    const acmeCallsAfter = Object.entries(h.sandbox.counters().by_account_region).filter(([place]) =>
      place.startsWith(h.acme.accountId),
    );
    expect(acmeCallsAfter).toEqual(acmeCallsBefore);
    expect(h.main.notifier.sent.map((n) => n.client_id)).toEqual([h.globex.id]);

    // The other tenant: every job ran, its snapshots and report are its own.
    const globexRuns = runs.filter((r) => r.job.clientId === h.globex.id);
    expect(globexRuns.map((r) => [r.job.kind, r.outcome]).sort()).toEqual([
      ["connection_health", "done"],
      ["daily_snapshot", "done"],
      ["scheduled_audit", "done"],
      ["send_report", "done"],
    ]);
    expect((await h.snapshots(h.globex.id)).map((s) => s.accountId)).toEqual([
      h.globex.accountId,
      h.globex.accountId,
    ]);

    // A deleted client is never scheduled again.
    h.clock.advance(DAY);
    await h.main.tick();
    expect(await h.rowCounts(h.acme.id)).toEqual(before);
  });
});
