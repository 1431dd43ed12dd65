// The background verification sweep: polling of pending clients, back-off, External ID expiry, and
// safety with several replicas sweeping the same database at once.
import { awsConnections } from "@tagc/db";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  ACME_ACCOUNT,
  GLOBEX_ACCOUNT,
  type Harness,
  HOUR,
  KINDS,
  MINUTE,
  parkPendingConnections,
  type Tenant,
  useHarness,
} from "./harness";
import { fixFor, getClientStatus, runVerificationSweep, type ServiceDeps, verifyClient } from "./verbs";

const FAST_POLL_MS = 30_000;

describe.each(KINDS)("runVerificationSweep on %s", (kind) => {
  const harness = useHarness(kind);

  const sweep = (owner = "replica-a", deps: ServiceDeps = harness().deps, limit?: number) =>
    runVerificationSweep({ deps, owner, ...(limit ? { limit } : {}) });
  const checkedIds = (result: Awaited<ReturnType<typeof sweep>>) => result.checked.map((c) => c.client_id);
  const verify = async (tenant: Tenant) =>
    verifyClient({ ctx: await harness().ctxFor(tenant.id), input: {} });

  /** Two fresh tenants; every pending client of earlier tests is out of the sweep's reach. */
  async function twoTenants(h: Harness) {
    await parkPendingConnections(h.db);
    const acme = await h.register("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    return { acme, globex };
  }

  it("polls pending clients every 30 s for 15 minutes, then backs off; failures never revoke", async () => {
    const h = harness();
    const { acme, globex } = await twoTenants(h);

    // Registration schedules the first poll 30 s out: nothing is due yet.
    expect(checkedIds(await sweep())).toEqual([]);
    expect((await h.connection(acme.id)).nextCheckAt).toEqual(
      new Date(h.clock.now().getTime() + FAST_POLL_MS),
    );

    h.clock.advance(FAST_POLL_MS);
    const first = await sweep();
    expect(first.checked).toEqual(
      expect.arrayContaining([
        { client_id: acme.id, status: "pending", error: "ACCESS_DENIED" },
        { client_id: globex.id, status: "connected", error: null },
      ]),
    );
    expect(first.checked).toHaveLength(2);
    expect(await h.clientRow(globex.id)).toMatchObject({ status: "connected" });
    expect(await h.connection(globex.id)).toMatchObject({ nextCheckAt: null, verifiedAt: h.clock.now() });

    // Far more background failures than would revoke on demand: the customer may simply not have
    // deployed the stack yet.
    for (let poll = 0; poll < 5; poll++) {
      const connection = await h.connection(acme.id);
      expect(connection).toMatchObject({
        status: "pending",
        consecutiveFailures: 0,
        lastErrorCode: "ACCESS_DENIED",
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      expect(connection.nextCheckAt).toEqual(new Date(h.clock.now().getTime() + FAST_POLL_MS));
      // Not due a moment before its time.
      h.clock.advance(FAST_POLL_MS - 1_000);
      expect(checkedIds(await sweep())).toEqual([]);
      h.clock.advance(1_000);
      expect(checkedIds(await sweep())).toEqual([acme.id]);
    }
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "pending" });
    const polls = await h.auditRows(acme.id, "clients.verify");
    expect(polls).toHaveLength(6);
    for (const row of polls) {
      expect(row).toMatchObject({
        actor: "system",
        outcome: "error",
        errorCode: "ACCESS_DENIED",
        params: { trigger: "verification_poll" },
      });
    }
    // Globex, connected, is never polled again.
    expect(await h.auditRows(globex.id, "clients.verify")).toHaveLength(1);

    // After the first 15 minutes: a tenth of the connection's age, at least a minute ...
    const { createdAt } = await h.connection(acme.id);
    h.clock.reset(new Date(createdAt.getTime() + 20 * MINUTE));
    expect(checkedIds(await sweep())).toEqual([acme.id]);
    const backedOff = await h.connection(acme.id);
    const age = h.clock.now().getTime() - createdAt.getTime();
    expect(backedOff.nextCheckAt!.getTime() - h.clock.now().getTime()).toBe(Math.round(age / 10));
    expect(backedOff.nextCheckAt!.getTime() - h.clock.now().getTime()).toBeGreaterThan(FAST_POLL_MS);

    // ... capped at 30 minutes.
    h.clock.reset(new Date(createdAt.getTime() + 10 * HOUR));
    expect(checkedIds(await sweep())).toEqual([acme.id]);
    expect((await h.connection(acme.id)).nextCheckAt!.getTime() - h.clock.now().getTime()).toBe(30 * MINUTE);
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "pending" });
    expect((await h.connection(acme.id)).consecutiveFailures).toBe(0);

    // The customer deploys the stack: the next due sweep connects the client.
    h.putRole(acme);
    h.clock.advance(29 * MINUTE);
    expect(checkedIds(await sweep())).toEqual([]);
    h.clock.advance(MINUTE);
    expect((await sweep()).checked).toEqual([{ client_id: acme.id, status: "connected", error: null }]);
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "connected" });
    expect(await h.connection(acme.id)).toMatchObject({
      status: "connected",
      accountId: ACME_ACCOUNT,
      verifiedAt: h.clock.now(),
      nextCheckAt: null,
      lastErrorCode: null,
    });
  });

  it("background failures do not add to on-demand failures", async () => {
    const h = harness();
    const { acme } = await twoTenants(h);
    expect(await verify(acme)).toMatchObject({ status: "pending", consecutive_failures: 1 });
    expect(await verify(acme)).toMatchObject({ status: "pending", consecutive_failures: 2 });
    for (let i = 0; i < 3; i++) {
      h.clock.advance(FAST_POLL_MS);
      expect(checkedIds(await sweep())).toContain(acme.id);
    }
    expect(await h.connection(acme.id)).toMatchObject({ status: "pending", consecutiveFailures: 2 });
  });

  it("marks an External ID unused for 48 hours as expired; verify then answers EXTERNAL_ID_EXPIRED", async () => {
    const h = harness();
    const { acme, globex } = await twoTenants(h);
    expect(await verify(globex)).toMatchObject({ status: "connected" });

    // Still polled a minute before the deadline.
    h.clock.advance(48 * HOUR - MINUTE);
    const before = await sweep();
    expect(before.expired).toBe(0);
    expect(checkedIds(before)).toEqual([acme.id]);

    // The customer deploys the stack too late: the expired External ID must not be used any more.
    h.putRole(acme);
    h.clock.advance(MINUTE);
    const calls = h.assumeRoleCalls();
    const marked = await sweep();
    expect(marked.expired).toBe(1);
    expect(checkedIds(marked)).toEqual([]);
    expect(h.assumeRoleCalls()).toBe(calls);
    expect(await h.connection(acme.id)).toMatchObject({
      status: "pending",
      lastErrorCode: "EXTERNAL_ID_EXPIRED",
      nextCheckAt: null,
      verifiedAt: null,
    });
    expect(await h.clientRow(acme.id)).toMatchObject({
      status: "pending",
      statusReason: "external_id_expired",
    });
    // Marked once, not on every sweep.
    h.clock.advance(HOUR);
    expect(await sweep()).toEqual({ expired: 0, checked: [] });

    const result = await verify(acme);
    expect(result).toMatchObject({
      status: "pending",
      verified: false,
      error: { code: "EXTERNAL_ID_EXPIRED", fix: fixFor("EXTERNAL_ID_EXPIRED") },
    });
    expect(result.error?.fix).toMatch(/Register the client again/);
    expect(JSON.stringify(result)).not.toContain(acme.externalId);
    expect(h.assumeRoleCalls()).toBe(calls);
    const status = await getClientStatus({ ctx: await h.ctxFor(acme.id) });
    expect(status).toMatchObject({
      last_error_code: "EXTERNAL_ID_EXPIRED",
      fix: fixFor("EXTERNAL_ID_EXPIRED"),
      next_check_at: null,
    });
    expect(JSON.stringify(status)).not.toContain(acme.externalId);

    // A verified External ID never expires: Globex still verifies 49 hours later.
    expect(await verify(globex)).toMatchObject({ status: "connected", error: null });
    expect((await h.clientRow(globex.id)).statusReason).toBeNull();
  });

  it("two replicas sweeping at once verify each due client exactly once", async () => {
    const h = harness();
    await parkPendingConnections(h.db);
    const tenants: Tenant[] = [];
    for (let i = 0; i < 10; i++) {
      tenants.push(await h.onboard(`Tenant ${i}`, i % 2 ? GLOBEX_ACCOUNT : ACME_ACCOUNT));
    }
    const ids = tenants.map((t) => t.id).sort();
    const replica = await h.replica();
    try {
      if (h.kind === "postgres") expect(replica.deps.db).not.toBe(h.db);
      // Slow AWS calls keep both sweeps in flight together.
      h.sandbox.setFaults({ latency_ms: 20 });
      h.clock.advance(FAST_POLL_MS);
      const calls = h.assumeRoleCalls();
      const [a, b] = await Promise.all([sweep("replica-a", h.deps), sweep("replica-b", replica.deps)]);

      const seen = [...checkedIds(a), ...checkedIds(b)].sort();
      expect(seen).toEqual(ids);
      expect(h.assumeRoleCalls() - calls).toBe(10);
      const counters = h.sandbox.counters();
      for (const tenant of tenants) {
        expect(counters.by_caller[tenant.roleArn]?.["sts:GetCallerIdentity"]).toBe(1);
        expect(await h.auditRows(tenant.id, "clients.verify")).toHaveLength(1);
        expect(await h.clientRow(tenant.id)).toMatchObject({ status: "connected" });
      }
      // Nothing is left for either replica.
      h.clock.advance(FAST_POLL_MS);
      const [again, againB] = await Promise.all([
        sweep("replica-a", h.deps),
        sweep("replica-b", replica.deps),
      ]);
      expect([...again.checked, ...againB.checked]).toEqual([]);
    } finally {
      await replica.close();
    }
  });

  it("respects another replica's live lease and takes over an expired one", async () => {
    const h = harness();
    await parkPendingConnections(h.db);
    const held = await h.onboard("Held", ACME_ACCOUNT);
    const crashed = await h.onboard("Crashed", GLOBEX_ACCOUNT);
    h.clock.advance(FAST_POLL_MS);
    const now = h.clock.now();
    const liveUntil = new Date(now.getTime() + MINUTE);
    await h.db
      .update(awsConnections)
      .set({ leaseOwner: "replica-other", leaseExpiresAt: liveUntil })
      .where(eq(awsConnections.clientId, held.id));
    await h.db
      .update(awsConnections)
      .set({ leaseOwner: "replica-crashed", leaseExpiresAt: new Date(now.getTime() - 1_000) })
      .where(eq(awsConnections.clientId, crashed.id));

    const result = await sweep("replica-me");
    expect(checkedIds(result)).toEqual([crashed.id]);
    expect(await h.connection(held.id)).toMatchObject({
      leaseOwner: "replica-other",
      leaseExpiresAt: liveUntil,
      lastCheckedAt: null,
      status: "pending",
    });
    expect(await h.auditRows(held.id, "clients.verify")).toEqual([]);
    expect(await h.connection(crashed.id)).toMatchObject({ status: "connected", leaseOwner: null });

    // Once that lease runs out, the row is fair game.
    h.clock.advance(MINUTE + 1_000);
    expect(checkedIds(await sweep("replica-me"))).toEqual([held.id]);
    expect(await h.connection(held.id)).toMatchObject({ status: "connected", leaseOwner: null });
  });

  it("a client registered without an AWS account id does not starve the others", async () => {
    const h = harness();
    await parkPendingConnections(h.db);
    // Without an account id there is no role ARN to poll until the admin verifies with role_arn.
    const accountless: Tenant[] = [];
    for (let i = 0; i < 3; i++) accountless.push(await h.register(`No account ${i}`));
    h.clock.advance(1_000);
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);

    for (let round = 0; round < 3; round++) {
      h.clock.advance(2 * MINUTE);
      await sweep("replica-a", h.deps, 2);
    }
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "connected" });
    expect(await h.clientRow(globex.id)).toMatchObject({ status: "connected" });
    const rows = await h.db
      .select()
      .from(awsConnections)
      .where(
        inArray(
          awsConnections.clientId,
          accountless.map((t) => t.id),
        ),
      );
    for (const row of rows)
      expect(row).toMatchObject({ status: "pending", leaseOwner: null, lastCheckedAt: null });

    // Once an admin verifies with role_arn, the ARN is known and background polling takes over.
    const [first] = accountless as [Tenant];
    const bound = {
      ...first,
      accountId: ACME_ACCOUNT,
      roleArn: `arn:aws:iam::${ACME_ACCOUNT}:role/${first.roleName}`,
    };
    const denied = await verifyClient({ ctx: await h.ctxFor(first.id), input: { role_arn: bound.roleArn } });
    expect(denied).toMatchObject({ status: "pending", error: { code: "ACCESS_DENIED" } });
    h.putRole(bound);
    h.clock.advance(FAST_POLL_MS);
    expect((await sweep("replica-a", h.deps, 2)).checked).toEqual([
      { client_id: first.id, status: "connected", error: null },
    ]);
    expect(await h.connection(first.id)).toMatchObject({ accountId: ACME_ACCOUNT, roleArn: bound.roleArn });
  });
});
