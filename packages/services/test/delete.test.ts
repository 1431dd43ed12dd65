// deleteClient: offboarding revokes keys, closes the connection and schedules, drops cached
// credentials and tenant data held outside the database, and keeps audit and usage rows. The other
// tenant is untouched.
import type { RoleTarget } from "@tagc/aws";
import { auditSchedules, awsConnections, usageEvents } from "@tagc/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  ACME_ACCOUNT,
  GLOBEX_ACCOUNT,
  type Harness,
  KINDS,
  serviceError,
  type Tenant,
  useHarness,
} from "./harness";
import {
  authenticateApiKey,
  deleteClient,
  getClient,
  issueApiKey,
  listApiKeys,
  revokeApiKey,
  runVerificationSweep,
  verifyClient,
} from "./verbs";

describe.each(KINDS)("deleteClient on %s", (kind) => {
  const harness = useHarness(kind);

  const target = (tenant: Tenant): RoleTarget => ({
    clientId: tenant.id,
    accountId: tenant.accountId,
    roleArn: tenant.roleArn,
    externalId: tenant.externalId,
  });

  /** A connected tenant with two live keys, one revoked key, a schedule and a month of usage. */
  async function tenantWithEverything(h: Harness, name: string, account: string) {
    const tenant = await h.onboard(name, account);
    expect(await verifyClient({ ctx: await h.ctxFor(tenant.id), input: {} })).toMatchObject({
      status: "connected",
    });
    const keys = [];
    for (const key of ["a", "b", "c"]) {
      keys.push(await issueApiKey({ ctx: await h.ctxFor(tenant.id), input: { name: key } }));
    }
    const revoked = await revokeApiKey({ ctx: await h.ctxFor(tenant.id), input: { key_id: keys[2]!.id } });
    await h.db.insert(auditSchedules).values({
      clientId: tenant.id,
      cadence: "weekly",
      timeOfDay: "08:00",
      timezone: "Europe/Paris",
      cron: "0 8 * * 1",
      notificationFormat: "email",
      nextRunAt: new Date(h.clock.now().getTime() + 86_400_000),
    });
    await h.db.insert(usageEvents).values({
      clientId: tenant.id,
      period: "2026-11",
      kind: "scan",
      idempotencyKey: `scan:${tenant.id}`,
      metadata: { regions: ["us-east-1"] },
    });
    return { tenant, keys, revokedAt: revoked.revoked_at };
  }

  it("offboards one tenant completely and leaves the other untouched", async () => {
    const h = harness();
    const acme = await tenantWithEverything(h, "Acme", ACME_ACCOUNT);
    const globex = await tenantWithEverything(h, "Globex", GLOBEX_ACCOUNT);
    const auditBefore = (await h.auditRows(acme.tenant.id)).length;
    const cachedBefore = h.deps.broker.stats().cacheSize;
    h.offboarded.length = 0;
    h.clock.advance(60_000);

    const result = await deleteClient({ ctx: await h.ctxFor(acme.tenant.id) });
    const now = h.clock.now();
    expect(result).toMatchObject({
      id: acme.tenant.id,
      status: "deleted",
      status_reason: "offboarded",
      deleted_at: now.toISOString(),
      revoked_keys: 2,
    });

    // Keys: every secret stops working at once; the key that was already revoked keeps its time.
    for (const key of acme.keys) {
      expect(await authenticateApiKey(h.db, key.secret, now)).toEqual({ ok: false, reason: "revoked" });
    }
    const keys = (await listApiKeys({ ctx: await h.ctxFor(acme.tenant.id) })).data;
    expect(keys.map((k) => k.state)).toEqual(["revoked", "revoked", "revoked"]);
    expect(keys.map((k) => k.revoked_at)).toEqual([now.toISOString(), now.toISOString(), acme.revokedAt]);
    expect(acme.revokedAt).not.toBe(now.toISOString());

    // Connection and schedules closed.
    expect(await h.connection(acme.tenant.id)).toMatchObject({
      status: "deleted",
      nextCheckAt: null,
      leaseOwner: null,
    });
    const schedules = await h.db
      .select()
      .from(auditSchedules)
      .where(eq(auditSchedules.clientId, acme.tenant.id));
    expect(schedules.map((s) => s.status)).toEqual(["cancelled"]);

    // Cached credentials dropped: the next request for Acme would have to call STS again.
    expect(h.deps.broker.stats().cacheSize).toBe(cachedBefore - 1);
    const sts = h.deps.broker.stats().stsCalls;
    await h.deps.broker.getCredentials(target(globex.tenant));
    expect(h.deps.broker.stats().stsCalls).toBe(sts);
    await h.deps.broker.getCredentials(target(acme.tenant));
    expect(h.deps.broker.stats().stsCalls).toBe(sts + 1);
    h.deps.broker.invalidate(acme.tenant.id);

    expect(h.offboarded).toEqual([acme.tenant.id]);

    // Audit and usage are kept for the retention period.
    const audit = await h.auditRows(acme.tenant.id);
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({ operation: "clients.delete", params: { revoked_keys: 2 } });
    expect(
      await h.db.select().from(usageEvents).where(eq(usageEvents.clientId, acme.tenant.id)),
    ).toHaveLength(1);

    // The offboarded client shows no onboarding block (no External ID) and is never polled.
    const view = await getClient({ ctx: await h.ctxFor(acme.tenant.id) });
    expect(view).toMatchObject({ status: "deleted", onboarding: null });
    expect(view.connections.map((c) => c.status)).toEqual(["deleted"]);

    // Globex: keys live, connection connected, schedule active, nothing offboarded.
    for (const key of globex.keys.slice(0, 2)) {
      expect(await authenticateApiKey(h.db, key.secret, now)).toMatchObject({
        ok: true,
        client: { id: globex.tenant.id },
      });
    }
    expect(await h.clientRow(globex.tenant.id)).toMatchObject({ status: "connected", deletedAt: null });
    expect(await h.connection(globex.tenant.id)).toMatchObject({ status: "connected" });
    const globexSchedules = await h.db
      .select()
      .from(auditSchedules)
      .where(eq(auditSchedules.clientId, globex.tenant.id));
    expect(globexSchedules.map((s) => s.status)).toEqual(["active"]);
    expect(await h.auditRows(globex.tenant.id, "clients.delete")).toEqual([]);
  });

  it("is idempotent: a second delete changes nothing and calls no hook", async () => {
    const h = harness();
    const acme = await tenantWithEverything(h, "Acme", ACME_ACCOUNT);
    await tenantWithEverything(h, "Globex", GLOBEX_ACCOUNT);
    h.offboarded.length = 0;
    const first = await deleteClient({ ctx: await h.ctxFor(acme.tenant.id) });
    h.clock.advance(60_000);
    const second = await deleteClient({ ctx: await h.ctxFor(acme.tenant.id) });
    expect(second).toEqual({ ...first, revoked_keys: 0 });
    expect(h.offboarded).toEqual([acme.tenant.id]);
    expect(await h.auditRows(acme.tenant.id, "clients.delete")).toHaveLength(1);
  });

  it("two concurrent deletes offboard once", async () => {
    const h = harness();
    const acme = await tenantWithEverything(h, "Acme", ACME_ACCOUNT);
    await tenantWithEverything(h, "Globex", GLOBEX_ACCOUNT);
    h.offboarded.length = 0;
    // Both requests resolved the client before either committed, as two replicas would.
    const later = { ...h.deps, now: () => new Date(h.clock.now().getTime() + 1_000) };
    const [ctxA, ctxB] = [await h.ctxFor(acme.tenant.id), await h.ctxFor(acme.tenant.id, { deps: later })];
    const results = await Promise.all([deleteClient({ ctx: ctxA }), deleteClient({ ctx: ctxB })]);
    expect(results.map((r) => r.revoked_keys).sort()).toEqual([0, 2]);
    // Whichever committed first set deleted_at; the other did not move it.
    expect(results[0]?.deleted_at).toBe(results[1]?.deleted_at);
    expect((await h.clientRow(acme.tenant.id)).deletedAt?.toISOString()).toBe(results[0]?.deleted_at);
    expect(h.offboarded).toEqual([acme.tenant.id]);
    expect(await h.auditRows(acme.tenant.id, "clients.delete")).toHaveLength(1);
  });

  it("a verify racing the offboarding cannot bring the client back", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    for (const tenant of [acme, globex]) await verifyClient({ ctx: await h.ctxFor(tenant.id), input: {} });
    // The verify request resolved its client before the offboarding committed.
    const stale = await h.ctxFor(acme.id);
    await deleteClient({ ctx: await h.ctxFor(acme.id) });
    const cached = h.deps.broker.stats().cacheSize;

    expect(await serviceError(verifyClient({ ctx: stale, input: {} }))).toMatchObject({ code: "CONFLICT" });
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "deleted" });
    expect(await h.connection(acme.id)).toMatchObject({ status: "deleted", nextCheckAt: null });
    expect(await h.auditRows(acme.id, "clients.verify")).toHaveLength(1);
    // Nor do the credentials it assumed outlive the offboarding.
    expect(h.deps.broker.stats().cacheSize).toBe(cached);
    expect(await h.connection(globex.id)).toMatchObject({ status: "connected" });
  });

  it("offboarding a pending client stops its polling and hides its External ID", async () => {
    const h = harness();
    const acme = await h.register("Acme", ACME_ACCOUNT);
    const globex = await h.register("Globex", GLOBEX_ACCOUNT);
    expect((await getClient({ ctx: await h.ctxFor(acme.id) })).onboarding?.external_id).toBe(acme.externalId);
    await deleteClient({ ctx: await h.ctxFor(acme.id) });
    const view = await getClient({ ctx: await h.ctxFor(acme.id) });
    expect(view.onboarding).toBeNull();
    expect(JSON.stringify(view)).not.toContain(acme.externalId);

    h.clock.advance(60_000);
    const swept = await runVerificationSweep({ deps: h.deps, owner: "replica-a", limit: 100 });
    const ids = swept.checked.map((c) => c.client_id);
    expect(ids).not.toContain(acme.id);
    expect(ids).toContain(globex.id);
    expect(await h.auditRows(acme.id, "clients.verify")).toEqual([]);
    const [row] = await h.db.select().from(awsConnections).where(eq(awsConnections.clientId, acme.id));
    expect(row).toMatchObject({ status: "deleted", lastCheckedAt: null });
  });
});
