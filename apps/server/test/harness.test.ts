// The harness's own contract, which the REST suites and the MCP end-to-end tests build on.
import { authenticateApiKey } from "@tagc/services";
import { ACME_ADMIN, GLOBEX_ADMIN } from "@tagc/testkit";
import { jwtVerify } from "jose";
import { describe, expect, test } from "vitest";
import { ADMIN_SCOPE, KINDS, startHarness } from "./harness";
import type { ClientDetail, ClientList } from "./support/api-types";
import { CONTROL_PLANE } from "./support/seed";
import { useHarness } from "./support/use-harness";

describe.each(KINDS)("the harness (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("onboards two distinct, connected tenants through REST", async () => {
    const h = harness();
    expect(h.kind).toBe(kind);
    expect(h.tenants.map((t) => [t.slug, t.accountId, t.tier])).toEqual([
      ["acme", "222222222222", "professional"],
      ["globex", "333333333333", "starter"],
    ]);
    expect([h.acme, h.globex]).toEqual(h.tenants);
    const [acme, globex] = h.tenants;
    for (const key of ["id", "apiKey", "keyId", "externalId", "roleName", "roleArn"] as const) {
      expect(acme[key], key).not.toBe(globex[key]);
    }
    for (const tenant of h.tenants) {
      expect(tenant.externalId).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(tenant.roleArn).toBe(`arn:aws:iam::${tenant.accountId}:role/${tenant.roleName}`);
      const detail = await h.request<ClientDetail>("GET", `/v1/clients/${tenant.id}`);
      expect(detail.body).toMatchObject({ status: "connected", connections: [{ role_arn: tenant.roleArn }] });
      const auth = await authenticateApiKey(h.db, tenant.apiKey, new Date());
      expect(auth.ok && [auth.client.id, auth.key.id]).toEqual([tenant.id, tenant.keyId]);
    }
  });

  test("each customer role lives in its own account and trusts only its client's External ID", async () => {
    const h = harness();
    const counters = h.sandbox.counters();
    // Onboarding assumed each role once, as the control plane.
    expect(counters.by_caller[CONTROL_PLANE.arn]?.["sts:AssumeRole"]).toBe(2);
    // Each customer's own admin launched their stack; nobody else touched CloudFormation.
    expect(Object.keys(counters.by_caller).sort()).toEqual(
      [CONTROL_PLANE.arn, h.acme.roleArn, h.globex.roleArn, ACME_ADMIN.arn, GLOBEX_ADMIN.arn].sort(),
    );
    expect(counters.by_caller[ACME_ADMIN.arn]?.["cloudformation:CreateStack"]).toBe(1);
    expect(counters.by_caller[GLOBEX_ADMIN.arn]?.["cloudformation:CreateStack"]).toBe(1);
    expect(counters.by_caller[CONTROL_PLANE.arn]?.["cloudformation:CreateStack"]).toBeUndefined();
    // The role exists in the tenant's account only.
    expect(h.sandbox.deleteRole(h.globex.accountId, h.acme.roleName)).toBe(false);
    expect(h.sandbox.deleteRole(h.acme.accountId, h.globex.roleName)).toBe(false);
  });

  test("services, deps and logs are the app's own", async () => {
    const h = harness();
    expect(h.deps.services).toBe(h.services);
    expect(h.services.aws).toMatchObject({ endpoint: h.sandbox.url, region: "us-east-1" });
    h.logs.clear();
    await h.request("GET", "/health");
    expect(h.logs.entries()).toEqual([
      expect.objectContaining({ msg: "request", route: "/health", status: 200 }),
    ]);
    // The bootstrap token is kept hashed only.
    expect(JSON.stringify(h.deps.adminAuth)).not.toContain(h.adminToken);
  });

  test("jwt() signs HS256 admin tokens with the scope, subject and expiry asked for", async () => {
    const h = harness();
    const token = await h.jwt({
      scope: `${ADMIN_SCOPE} extra`,
      sub: "someone@operator.test",
      expiresIn: "2m",
    });
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(h.jwtSecret));
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ scope: `${ADMIN_SCOPE} extra`, sub: "someone@operator.test" });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(120);
  });

  test("listen() serves the same app over real HTTP on 127.0.0.1", async () => {
    const h = harness();
    const server = await h.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const list = await fetch(`${server.url}/v1/clients`, {
        headers: { authorization: `Bearer ${h.adminToken}` },
      });
      expect(((await list.json()) as ClientList).data.map((c) => c.id)).toEqual([h.acme.id, h.globex.id]);
      const denied = await fetch(`${server.url}/v1/clients`);
      expect(denied.status).toBe(401);
      expect(denied.headers.get("www-authenticate")).toBe('Bearer realm="tagc-admin"');
      const malformed = await fetch(`${server.url}/v1/clients`, {
        method: "POST",
        headers: { authorization: `Bearer ${h.adminToken}`, "content-type": "application/json" },
        body: "{",
      });
      expect(malformed.status).toBe(400);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

describe("harness lifecycle (postgres)", () => {
  test("close() stops the sandbox, the servers and drops the database; a second close is harmless", async () => {
    const h = await startHarness({ kind: "postgres" });
    const server = await h.listen();
    await h.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    await expect(fetch(`${h.sandbox.url}/_sandbox/health`)).rejects.toThrow();
    expect(await h.database.handle.ping()).toBe(false);
    await h.close();
  });
});
