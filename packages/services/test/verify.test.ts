// On-demand verification end to end: register → the customer's role created in the sandbox from the
// real template → verifyClient → connected, and every failure classified with its fix.
import { PROBES } from "@tagc/aws";
import { describe, expect, it } from "vitest";
import {
  ACME_ACCOUNT,
  CONTROL_PLANE,
  GLOBEX_ACCOUNT,
  type Harness,
  KINDS,
  OUTSIDE_PATTERN,
  type Principal,
  serviceError,
  type Tenant,
  UNTRUSTED_ACCOUNT,
  useHarness,
  xminOf,
} from "./harness";
import {
  deleteClient,
  fixFor,
  getClient,
  getClientStatus,
  REVOKE_AFTER_FAILURES,
  verifyClient,
} from "./verbs";

describe.each(KINDS)("verifyClient on %s", (kind) => {
  const harness = useHarness(kind);

  const verify = async (tenant: Tenant, input: { role_arn?: string } = {}, h: Harness = harness()) =>
    verifyClient({ ctx: await h.ctxFor(tenant.id), input });

  it("connects a client whose role was created from the template, and only that client", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect((await h.clientRow(acme.id)).status).toBe("pending");
    const callsBefore = h.assumeRoleCalls();

    const ctx = await h.ctxFor(acme.id);
    const result = await verifyClient({ ctx, input: {} });

    const now = h.clock.now();
    expect(result).toEqual({
      client_id: acme.id,
      status: "connected",
      verified: true,
      verdict: "connected",
      aws_account_id: ACME_ACCOUNT,
      role_arn: `arn:aws:iam::${ACME_ACCOUNT}:role/${acme.roleName}`,
      denied_actions: [],
      consecutive_failures: 0,
      error: null,
      probes: PROBES.map(({ family, action, required }) => ({
        family,
        action,
        required,
        outcome: "ok",
        error_code: null,
      })),
      checked_at: now.toISOString(),
    });
    expect(h.assumeRoleCalls() - callsBefore).toBe(1);
    // The session acted in the customer's account as the template's role.
    const session = h.sandbox.counters().by_caller[acme.roleArn];
    expect(session?.["sts:GetCallerIdentity"]).toBe(1);
    expect(session?.["tag:GetResources"]).toBe(1);

    const connection = await h.connection(acme.id);
    expect(connection).toMatchObject({
      status: "connected",
      accountId: ACME_ACCOUNT,
      roleArn: acme.roleArn,
      verifiedAt: now,
      lastCheckedAt: now,
      nextCheckAt: null,
      consecutiveFailures: 0,
      lastErrorCode: null,
      leaseOwner: null,
    });
    // The client's status mirrors its connection.
    const client = await h.clientRow(acme.id);
    expect(client.status).toBe("connected");
    expect(client.statusReason).toBeNull();

    const audit = await h.auditRows(acme.id, "clients.verify");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: "admin",
      outcome: "ok",
      errorCode: null,
      requestId: ctx.requestId,
      params: { role_arn: acme.roleArn, trigger: "on_demand" },
    });
    // One transaction wrote the connection, the client and the audit row.
    const xmin = await xminOf(h.db, "audit_events", audit[0]!.id);
    expect(await xminOf(h.db, "aws_connections", connection.id)).toBe(xmin);
    expect(await xminOf(h.db, "clients", acme.id)).toBe(xmin);

    const status = await getClientStatus({ ctx: await h.ctxFor(acme.id) });
    expect(status).toMatchObject({
      client_id: acme.id,
      status: "connected",
      aws_account_id: ACME_ACCOUNT,
      verified_at: now.toISOString(),
      last_error_code: null,
      fix: null,
      external_id_expires_at: null,
      template_version: h.deps.onboarding.templateVersion,
      template_outdated: false,
    });

    // The second tenant is untouched: still pending, no verify in its audit, no trace of Acme.
    expect((await h.clientRow(globex.id)).status).toBe("pending");
    expect((await h.connection(globex.id)).verifiedAt).toBeNull();
    expect(await h.auditRows(globex.id, "clients.verify")).toEqual([]);
    const globexView = await getClient({ ctx: await h.ctxFor(globex.id) });
    expect(JSON.stringify(globexView)).not.toContain(acme.id);
    expect(JSON.stringify(globexView)).not.toContain(acme.externalId);
    expect(globexView.connections.map((c) => c.aws_account_id)).toEqual([GLOBEX_ACCOUNT]);
  });

  it("writes the audit row in the same transaction: when it cannot be written, nothing changes", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    // An actor whose key row does not exist: the audit insert violates its foreign key.
    const ctx = await h.ctxFor(acme.id, { actor: { kind: "api_key", keyId: "key_doesnotexist" } });
    await expect(verifyClient({ ctx, input: {} })).rejects.toThrow();
    const connection = await h.connection(acme.id);
    expect(connection).toMatchObject({ status: "pending", verifiedAt: null, lastCheckedAt: null });
    expect((await h.clientRow(acme.id)).status).toBe("pending");
    expect(await h.auditRows(acme.id, "clients.verify")).toEqual([]);
  });

  it("registered without an account id: asks for role_arn, then records the verified account", async () => {
    const h = harness();
    const acme = await h.register("Acme", undefined);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    const bound = {
      ...acme,
      accountId: ACME_ACCOUNT,
      roleArn: `arn:aws:iam::${ACME_ACCOUNT}:role/${acme.roleName}`,
    };
    h.putRole(bound);

    const missing = await serviceError(verify(acme));
    expect(missing.code).toBe("INVALID_REQUEST");
    expect(missing.details).toMatchObject({ field: "role_arn", fix: fixFor("ROLE_ARN_REQUIRED") });

    const malformed = await serviceError(verify(acme, { role_arn: "arn:aws:iam::12:role/x" }));
    expect(malformed.details).toMatchObject({ field: "role_arn" });

    const result = await verify(acme, { role_arn: bound.roleArn });
    expect(result).toMatchObject({
      status: "connected",
      aws_account_id: ACME_ACCOUNT,
      role_arn: bound.roleArn,
    });
    expect(await h.connection(acme.id)).toMatchObject({ accountId: ACME_ACCOUNT, roleArn: bound.roleArn });

    // The account is now fixed: a role ARN in another account is refused before any AWS call.
    const calls = h.assumeRoleCalls();
    const elsewhere = await serviceError(
      verify(acme, { role_arn: `arn:aws:iam::${GLOBEX_ACCOUNT}:role/${globex.roleName}` }),
    );
    expect(elsewhere).toMatchObject({ code: "INVALID_REQUEST", details: { field: "role_arn" } });
    expect(h.assumeRoleCalls()).toBe(calls);
  });

  describe("AssumeRole denied: ACCESS_DENIED with the re-deploy fix", () => {
    const cases: [string, (h: Harness, acme: Tenant, globex: Tenant) => Promise<Principal>][] = [
      [
        "the stack was deployed with another tenant's External ID",
        async (h, acme, globex) => {
          h.putRole(acme, { externalId: globex.externalId });
          return CONTROL_PLANE;
        },
      ],
      ["the role does not exist (stack never deployed)", async () => CONTROL_PLANE],
      [
        "the caller is another AWS account",
        async (h, acme) => {
          h.putRole(acme);
          return UNTRUSTED_ACCOUNT;
        },
      ],
      [
        "the caller's role is outside the aws:PrincipalArn pattern",
        async (h, acme) => {
          h.putRole(acme);
          return OUTSIDE_PATTERN;
        },
      ],
    ];

    it.each(cases)("%s", async (_label, arrange) => {
      const h = harness();
      const acme = await h.register("Acme", ACME_ACCOUNT);
      const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
      const caller = await arrange(h, acme, globex);
      const deps = caller === CONTROL_PLANE ? h.deps : h.depsSignedBy(caller);

      const result = await verifyClient({ ctx: await h.ctxFor(acme.id, { deps }), input: {} });
      expect(result).toMatchObject({
        status: "pending",
        verified: false,
        consecutive_failures: 1,
        denied_actions: [],
        error: { code: "ACCESS_DENIED", fix: fixFor("ACCESS_DENIED") },
      });
      expect(result.error?.fix).toMatch(/Re-deploy the stack/);
      expect(result.error?.message).toMatch(/denied AssumeRole/);
      for (const secret of [acme.externalId, globex.externalId])
        expect(JSON.stringify(result)).not.toContain(secret);
      // AWS's own message (which names ARNs) is never passed on.
      expect(result.error?.message).not.toMatch(/arn:aws/);

      const status = await getClientStatus({ ctx: await h.ctxFor(acme.id) });
      expect(status).toMatchObject({
        status: "pending",
        last_error_code: "ACCESS_DENIED",
        fix: fixFor("ACCESS_DENIED"),
        consecutive_failures: 1,
        verified_at: null,
      });
      expect(await h.auditRows(acme.id, "clients.verify")).toEqual([
        expect.objectContaining({ outcome: "error", errorCode: "ACCESS_DENIED" }),
      ]);
      // The other tenant's healthy role is not affected by the failure.
      expect(await verify(globex)).toMatchObject({ status: "connected", error: null });
    });
  });

  it(`is revoked after ${REVOKE_AFTER_FAILURES} consecutive on-demand failures, not before`, async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect(await verify(acme)).toMatchObject({ status: "connected" });
    expect(await verify(globex)).toMatchObject({ status: "connected" });
    h.deleteRole(acme);

    for (const failures of [1, 2]) {
      h.clock.advance(60_000);
      expect(await verify(acme)).toMatchObject({
        status: "connected",
        consecutive_failures: failures,
        error: { code: "ACCESS_DENIED" },
      });
      expect((await h.clientRow(acme.id)).status).toBe("connected");
    }
    expect(h.revoked).toEqual([]);
    h.clock.advance(60_000);
    const third = await verify(acme);
    // Its cached answers go with it, on every replica (tools/scan/revocation.ts); only Acme's.
    expect(h.revoked).toEqual([acme.id]);
    expect(third).toMatchObject({ status: "revoked", consecutive_failures: 3, verified: false });
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "revoked", statusReason: "access_denied" });
    expect((await h.connection(acme.id)).status).toBe("revoked");
    expect((await h.connection(acme.id)).nextCheckAt).toBeNull();
    // Globex, never failing, stays connected.
    expect((await h.clientRow(globex.id)).status).toBe("connected");
    expect((await h.connection(globex.id)).consecutiveFailures).toBe(0);

    // Re-deploying the stack and verifying again reconnects.
    h.putRole(acme);
    expect(await verify(acme)).toMatchObject({ status: "connected", consecutive_failures: 0, error: null });
  });

  it("a success between failures resets the count", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    await verify(acme);
    h.deleteRole(acme);
    expect(await verify(acme)).toMatchObject({ consecutive_failures: 1 });
    expect(await verify(acme)).toMatchObject({ consecutive_failures: 2 });
    h.putRole(acme);
    expect(await verify(acme)).toMatchObject({ status: "connected", consecutive_failures: 0 });
    h.deleteRole(acme);
    expect(await verify(acme)).toMatchObject({ status: "connected", consecutive_failures: 1 });
    expect(await verify(acme)).toMatchObject({ status: "connected", consecutive_failures: 2 });
    expect((await h.clientRow(acme.id)).status).toBe("connected");
  });

  it("a pending client is also revoked after three on-demand failures", async () => {
    const h = harness();
    const acme = await h.register("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect(await verify(acme)).toMatchObject({ status: "pending", consecutive_failures: 1 });
    expect(await verify(acme)).toMatchObject({ status: "pending", consecutive_failures: 2 });
    expect(await verify(acme)).toMatchObject({ status: "revoked", consecutive_failures: 3 });
  });

  it("detects a role deleted after it was verified (a cached session proves nothing)", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect(await verify(acme)).toMatchObject({ status: "connected" });
    expect(await verify(globex)).toMatchObject({ status: "connected" });
    h.deleteRole(acme);
    const calls = h.assumeRoleCalls();
    const result = await verify(acme);
    expect(h.assumeRoleCalls() - calls).toBe(1);
    expect(result).toMatchObject({
      verified: false,
      error: { code: "ACCESS_DENIED" },
      consecutive_failures: 1,
    });
    expect(await getClientStatus({ ctx: await h.ctxFor(acme.id) })).toMatchObject({
      last_error_code: "ACCESS_DENIED",
      fix: fixFor("ACCESS_DENIED"),
    });
    expect(await verify(globex)).toMatchObject({ status: "connected", error: null });
  });

  it("a role narrowed to deny Lambda, RDS, DynamoDB, ECS and Cost Explorer is degraded, naming all five", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect(await verify(acme)).toMatchObject({ status: "connected" });
    const denied = [
      "rds:DescribeDBInstances",
      "lambda:ListFunctions",
      "ecs:ListClusters",
      "dynamodb:ListTables",
      "ce:GetCostAndUsage",
    ];
    h.putRole(acme, { withoutActions: denied });

    const result = await verify(acme);
    expect(result).toMatchObject({
      status: "degraded",
      verified: true,
      verdict: "degraded",
      denied_actions: denied,
      consecutive_failures: 0,
      error: { code: "DEGRADED", fix: fixFor("DEGRADED") },
    });
    expect(result.probes.filter((p) => p.outcome === "denied").map((p) => p.action)).toEqual(denied);
    expect(result.error?.message).toBe(`These read calls are denied: ${denied.join(", ")}`);
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "degraded", statusReason: "degraded" });
    const status = await getClientStatus({ ctx: await h.ctxFor(acme.id) });
    expect(status).toMatchObject({
      status: "degraded",
      last_error_code: "DEGRADED",
      last_error_message: expect.stringContaining("ce:GetCostAndUsage"),
      fix: fixFor("DEGRADED"),
    });
    expect(status.probes).toEqual(result.probes);
    expect((await h.auditRows(acme.id, "clients.verify")).at(-1)).toMatchObject({
      outcome: "ok",
      errorCode: "DEGRADED",
    });
    // The second tenant never sees the first's narrowed probes.
    expect(await verify(globex)).toMatchObject({ status: "connected", denied_actions: [] });
    const other = await getClientStatus({ ctx: await h.ctxFor(globex.id) });
    expect(other.probes.every((p) => p.outcome === "ok")).toBe(true);

    // The full template restores the connection.
    h.putRole(acme);
    expect(await verify(acme)).toMatchObject({ status: "connected", denied_actions: [], error: null });
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "connected", statusReason: null });
  });

  it("a role without tag:GetResources is an error, not degraded: verified false, never revoked", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect(await verify(acme)).toMatchObject({ status: "connected" });
    h.putRole(acme, { withoutActions: ["tag:GetResources"] });

    for (let i = 0; i < REVOKE_AFTER_FAILURES; i++) {
      const result = await verify(acme);
      expect(result).toMatchObject({
        status: "degraded",
        verified: false,
        verdict: "failed",
        denied_actions: ["tag:GetResources"],
        consecutive_failures: 0,
        error: {
          code: "REQUIRED_PERMISSION_DENIED",
          message: expect.stringContaining("tag:GetResources"),
          fix: fixFor("REQUIRED_PERMISSION_DENIED"),
        },
      });
    }
    expect((await h.auditRows(acme.id, "clients.verify")).at(-1)).toMatchObject({
      outcome: "error",
      errorCode: "REQUIRED_PERMISSION_DENIED",
    });
  });

  it("throttled STS answers THROTTLED and neither counts toward revocation nor resets the count", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    await verify(acme);
    h.deleteRole(acme);
    await verify(acme);
    expect(await verify(acme)).toMatchObject({ consecutive_failures: 2, status: "connected" });
    h.putRole(acme);

    for (let i = 0; i < REVOKE_AFTER_FAILURES; i++) {
      const throttledBefore = h.sandbox.counters().throttled["sts:AssumeRole"] ?? 0;
      h.sandbox.setFaults({ throttle: { next: 2, operations: ["sts:AssumeRole"] } });
      const result = await verify(acme);
      expect(result).toMatchObject({
        status: "connected",
        verified: false,
        consecutive_failures: 2,
        error: { code: "THROTTLED", fix: fixFor("THROTTLED") },
      });
      expect(result.error?.fix).toMatch(/Retry later/);
      // The SDK retried once (maxAttempts 2) before the classification.
      expect((h.sandbox.counters().throttled["sts:AssumeRole"] ?? 0) - throttledBefore).toBe(2);
    }
    expect((await h.clientRow(acme.id)).status).toBe("connected");
    expect(await getClientStatus({ ctx: await h.ctxFor(acme.id) })).toMatchObject({
      last_error_code: "THROTTLED",
      fix: fixFor("THROTTLED"),
    });
    h.sandbox.setFaults({});
    expect(await verify(acme)).toMatchObject({ status: "connected", consecutive_failures: 0, error: null });
  });

  it("refuses an expired External ID on demand, even before the sweep marks it", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    expect(await verify(globex)).toMatchObject({ status: "connected" });
    h.clock.advance(48 * 3_600_000);
    const calls = h.assumeRoleCalls();
    const result = await verify(acme);
    expect(result).toMatchObject({
      status: "pending",
      verified: false,
      consecutive_failures: 0,
      error: { code: "EXTERNAL_ID_EXPIRED", fix: fixFor("EXTERNAL_ID_EXPIRED") },
    });
    // The role exists and would trust the old External ID: it is not even tried.
    expect(h.assumeRoleCalls()).toBe(calls);
    expect(await h.clientRow(acme.id)).toMatchObject({
      status: "pending",
      statusReason: "external_id_expired",
    });
    expect(await h.connection(acme.id)).toMatchObject({
      nextCheckAt: null,
      lastErrorCode: "EXTERNAL_ID_EXPIRED",
    });
    // Globex's External ID was used in time: it never expires.
    expect(await verify(globex)).toMatchObject({ status: "connected", error: null });
  });

  it("refuses to verify an offboarded client", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    await deleteClient({ ctx: await h.ctxFor(acme.id) });
    const calls = h.assumeRoleCalls();
    expect(await serviceError(verify(acme))).toMatchObject({ code: "CONFLICT" });
    expect(h.assumeRoleCalls()).toBe(calls);
  });
});
