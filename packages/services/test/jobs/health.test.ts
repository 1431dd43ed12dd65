// The daily connection health check: a role the customer deleted is found and the client marked
// revoked by one run; a narrowed role makes it degraded; the tick expires never-used External IDs; and
// a scheduled audit re-verifies first, skipping (with its reason) a client that is no longer connected.
import { auditEvents, awsConnections } from "@tagc/db";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { registerClient } from "../../src/clients/register";
import { getClientStatus } from "../../src/clients/status";
import { runTool } from "../../src/testing";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { REVOKE_AFTER_FAILURES } from "../../src/verification/transition";
import { DAY, HOUR, type JobsHarness, MINUTE, requestId, useJobsHarness } from "./harness";

const START = new Date("2026-06-01T10:00:00Z");
// Health checks run 30 minutes before the 02:00 UTC daily snapshot.
const healthTimeOn = (day: number) => new Date(Date.UTC(2026, 5, day, 1, 30));

const verifyAudits = (h: JobsHarness, clientId: string) =>
  h.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.clientId, clientId), eq(auditEvents.operation, "clients.verify")))
    .orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));

describe("connection health (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });

  it("a deleted role is detected by the health job and the client marked revoked; the other stays connected", async () => {
    const h = harness();
    h.sandbox.deleteRole(h.acme.accountId, h.acme.roleName);
    h.clock.set(new Date(healthTimeOn(2).getTime() + MINUTE));
    const before = await verifyAudits(h, h.acme.id);
    await h.main.tick();
    const runs = await h.main.work();
    const health = runs.filter((r) => r.job.kind === "connection_health");
    expect(health.map((r) => [r.job.clientId, r.outcome]).sort()).toEqual(
      [
        [h.acme.id, "done"],
        [h.globex.id, "done"],
      ].sort(),
    );
    expect(await h.client(h.acme.id)).toMatchObject({ status: "revoked", statusReason: "access_denied" });
    const status = await getClientStatus({ ctx: await h.clientCtx(h.acme.id) });
    expect(status).toMatchObject({
      status: "revoked",
      last_error_code: "ACCESS_DENIED",
      consecutive_failures: 3,
    });
    expect(status.fix).toContain("Re-deploy the stack");
    // Three refusals in a row, each its own audited verification by the health job.
    const audits = (await verifyAudits(h, h.acme.id)).slice(before.length);
    expect(audits).toHaveLength(REVOKE_AFTER_FAILURES);
    expect(audits.map((a) => [a.actor, a.params.trigger, a.errorCode])).toEqual(
      Array.from({ length: REVOKE_AFTER_FAILURES }, () => ["system", "connection_health", "ACCESS_DENIED"]),
    );
    expect(await h.client(h.globex.id)).toMatchObject({ status: "connected" });
    // At 02:00 the revoked client gets no daily snapshot; the connected one does.
    h.clock.set(new Date(healthTimeOn(2).getTime() + 31 * MINUTE));
    await h.main.tick();
    const snapshots = (await h.main.work()).filter((r) => r.job.kind === "daily_snapshot");
    expect(snapshots.map((r) => [r.job.clientId, r.outcome])).toEqual([[h.globex.id, "done"]]);
    // Revoked clients are not health-checked again (a customer re-deploys and verifies on demand).
    h.clock.advance(DAY);
    await h.main.tick();
    expect((await h.jobsOf(h.acme.id)).filter((j) => j.kind === "connection_health")).toHaveLength(1);
  });

  it("a role narrowed by the customer moves a connected client to degraded, naming the denied call", async () => {
    const h = harness();
    h.putRole(h.globex, ["lambda:ListFunctions"]);
    h.clock.set(new Date(healthTimeOn(4).getTime() + MINUTE));
    await h.main.tick();
    await h.main.work();
    const status = await getClientStatus({ ctx: await h.clientCtx(h.globex.id) });
    expect(status).toMatchObject({ status: "degraded", last_error_code: "DEGRADED" });
    expect(status.last_error_message).toBe("These read calls are denied: lambda:ListFunctions");
    // Put back, the next day's check returns it to connected.
    h.putRole(h.globex);
    h.clock.advance(DAY);
    await h.main.tick();
    await h.main.work();
    expect(await h.client(h.globex.id)).toMatchObject({ status: "connected" });
  });

  it("the tick expires an External ID never used within 48 hours", async () => {
    const h = harness();
    h.clock.set(new Date("2026-06-10T12:00:00Z"));
    const pending = await registerClient({
      ctx: { deps: h.services(), actor: { kind: "admin", subject: "jobs-test" }, requestId: requestId() },
      input: {
        name: "Umbrella",
        contact_email: "ops@umbrella.example",
        tier: "starter",
        aws_account_id: "555555555555",
      },
    });
    h.clock.advance(47 * HOUR);
    expect((await h.main.tick()).expired_external_ids).toBe(0);
    h.clock.advance(2 * HOUR);
    expect((await h.main.tick()).expired_external_ids).toBe(1);
    expect(await h.client(pending.client.id)).toMatchObject({
      status: "pending",
      statusReason: "external_id_expired",
    });
    const [connection] = await h.db
      .select()
      .from(awsConnections)
      .where(eq(awsConnections.clientId, pending.client.id));
    expect(connection).toMatchObject({ lastErrorCode: "EXTERNAL_ID_EXPIRED", nextCheckAt: null });
    // Only the pending client: the connected tenants' rows were not touched.
    expect(await h.client(h.globex.id)).toMatchObject({ statusReason: null });
    expect((await h.main.tick()).expired_external_ids).toBe(0);
  });

  it("a scheduled audit re-verifies first and skips a revoked client, recording why and moving on", async () => {
    const h = harness();
    h.clock.set(new Date("2026-06-20T08:00:00Z"));
    // Acme's role was deleted in the first test and the client is revoked.
    const created = await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "09:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
    });
    h.clock.set(new Date("2026-06-20T09:00:00Z"));
    await h.main.tick();
    const runs = (await h.main.work()).filter((r) => r.job.kind === "scheduled_audit");
    expect(runs.map((r) => [r.job.clientId, r.outcome])).toEqual([[h.acme.id, "skipped"]]);
    const [job] = (await h.jobsOf(h.acme.id)).filter((j) => j.kind === "scheduled_audit");
    expect(job?.result).toMatchObject({
      reason: "not_connected",
      status: "revoked",
      error_code: "ACCESS_DENIED",
    });
    expect(
      (await h.snapshots(h.acme.id)).filter((s) => s.scope.schedule_id === created.schedules[0]!.schedule_id),
    ).toEqual([]);
    const listed = await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, { action: "list" });
    expect(listed.schedules[0]).toMatchObject({ next_run: "2026-06-21T09:00:00.000Z", last_run: null });
    const skipped = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clientId, h.acme.id), eq(auditEvents.operation, "schedule.skipped")));
    expect(skipped).toHaveLength(1);
  });
});
