// The External ID is tenant-private: it appears only in the client's own onboarding block while the
// connection was never verified, and never in a verify outcome, a status, an error, an audit row or
// another tenant's responses.
import { auditEvents, awsConnections } from "@tagc/db";
import { describe, expect, it } from "vitest";
import {
  ACME_ACCOUNT,
  expectFreeOf,
  GLOBEX_ACCOUNT,
  HOUR,
  KINDS,
  serviceError,
  UNTRUSTED_ACCOUNT,
  useHarness,
} from "./harness";
import {
  getClient,
  getClientStatus,
  getUsage,
  issueApiKey,
  listApiKeys,
  listAudit,
  registerClient,
  runVerificationSweep,
  verifyClient,
} from "./verbs";

describe.each(KINDS)("External ID secrecy on %s", (kind) => {
  const harness = useHarness(kind);

  it("appears only in the client's own onboarding block, and only until it is verified", async () => {
    const h = harness();
    const acme = await h.register("Acme", ACME_ACCOUNT);
    const globex = await h.register("Globex", GLOBEX_ACCOUNT);
    expect(acme.externalId).toMatch(/^[A-Za-z0-9]{32,}$/);
    expect(acme.externalId).not.toBe(globex.externalId);

    const own = await getClient({ ctx: await h.ctxFor(acme.id) });
    expect(own.onboarding?.external_id).toBe(acme.externalId);
    expect(own.onboarding?.quick_create_url).toContain(`param_ExternalId=${acme.externalId}`);
    expect(own.onboarding?.role_name).toBe(acme.roleName);
    expectFreeOf(own, globex.externalId);
    const other = await getClient({ ctx: await h.ctxFor(globex.id) });
    expect(other.onboarding?.external_id).toBe(globex.externalId);
    expectFreeOf(other, acme.externalId);
    expect(JSON.stringify(other)).not.toContain(acme.id);

    h.putRole(acme);
    await verifyClient({ ctx: await h.ctxFor(acme.id), input: {} });
    const verified = await getClient({ ctx: await h.ctxFor(acme.id) });
    expect(verified.status).toBe("connected");
    expect(verified.onboarding).toBeNull();
    expectFreeOf(verified, acme.externalId, globex.externalId);
    // Globex, still pending, still sees its own and never Acme's.
    const stillPending = await getClient({ ctx: await h.ctxFor(globex.id) });
    expect(stillPending.onboarding?.external_id).toBe(globex.externalId);
    expectFreeOf(stillPending, acme.externalId);
  });

  it("never appears in verify outcomes, statuses, errors, audit rows or other responses", async () => {
    const h = harness();
    const acme = await h.register("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    const secrets = [acme.externalId, globex.externalId];
    const seen: unknown[] = [];
    const verifyAcme = async (deps = h.deps, input: { role_arn?: string } = {}) => {
      const result = await verifyClient({ ctx: await h.ctxFor(acme.id, { deps }), input });
      seen.push(result, await getClientStatus({ ctx: await h.ctxFor(acme.id) }));
      return result;
    };

    // Missing role, then a stack deployed with Globex's External ID, then an untrusted caller.
    expect((await verifyAcme()).error?.code).toBe("ACCESS_DENIED");
    h.putRole(acme, { externalId: globex.externalId });
    expect((await verifyAcme()).error?.code).toBe("ACCESS_DENIED");
    h.putRole(acme);
    expect((await verifyAcme(h.depsSignedBy(UNTRUSTED_ACCOUNT))).error?.code).toBe("ACCESS_DENIED");
    // Throttled, then narrowed, then connected.
    h.sandbox.setFaults({ throttle: { next: 2, operations: ["sts:AssumeRole"] } });
    expect((await verifyAcme()).error?.code).toBe("THROTTLED");
    h.putRole(acme, { withoutActions: ["tag:GetResources"] });
    expect((await verifyAcme()).status).toBe("degraded");
    h.putRole(acme);
    expect((await verifyAcme()).status).toBe("connected");
    // A refused role ARN names the accounts, never the External ID.
    const refused = await serviceError(
      verifyClient({
        ctx: await h.ctxFor(acme.id),
        input: { role_arn: `arn:aws:iam::${GLOBEX_ACCOUNT}:role/${globex.roleName}` },
      }),
    );
    seen.push(refused.message, refused.details);

    // Globex's own failure (a stack with Acme's External ID) and an expired External ID.
    h.putRole(globex, { externalId: acme.externalId });
    seen.push(await verifyClient({ ctx: await h.ctxFor(globex.id), input: {} }));
    const late = await h.register("Late", GLOBEX_ACCOUNT);
    h.clock.advance(49 * HOUR);
    seen.push(await runVerificationSweep({ deps: h.deps, owner: "replica-a" }));
    const expired = await verifyClient({ ctx: await h.ctxFor(late.id), input: {} });
    expect(expired.error?.code).toBe("EXTERNAL_ID_EXPIRED");
    seen.push(expired, await getClientStatus({ ctx: await h.ctxFor(late.id) }));
    secrets.push(late.externalId);

    // Everything else a tenant can read.
    await issueApiKey({ ctx: await h.ctxFor(acme.id), input: { name: "mcp" } });
    for (const tenant of [acme, globex]) {
      const ctx = await h.ctxFor(tenant.id);
      seen.push(
        await listAudit({ ctx, input: { limit: 100 } }),
        await listApiKeys({ ctx }),
        await getUsage({ ctx, input: {} }),
      );
    }
    seen.push(await getClient({ ctx: await h.ctxFor(acme.id) }));
    expect(seen.length).toBeGreaterThan(15);
    for (const value of seen) expectFreeOf(value, ...secrets);

    // Nor in what is stored beside the secret: error messages and audit parameters.
    const connections = await h.db.select().from(awsConnections);
    for (const c of connections) expectFreeOf([c.lastErrorMessage, c.lastErrorCode, c.roleArn], ...secrets);
    expectFreeOf(await h.db.select().from(auditEvents), ...secrets);

    // Registering a third tenant hands out only its own External ID.
    const third = await registerClient({
      ctx: h.admin(),
      input: { name: "Third", contact_email: "ops@third.example", tier: "starter" },
    });
    expectFreeOf(third, ...secrets);
  });
});
