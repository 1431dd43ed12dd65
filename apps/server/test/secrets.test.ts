// Tenant-private values (External IDs, API key secrets) and admin credentials never reach the logs,
// and one tenant's never reach the other's responses: every route is exercised, on its happy and its
// error paths, and every captured log line and response body is scanned.
import { deployRole } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { type Harness, type HarnessResponse, KINDS, type Tenant } from "./harness";
import type { IssuedKey, Registration, RotatedKey } from "./support/api-types";
import { failInsertsInto } from "./support/db-state";
import { VALID_POLICY } from "./support/routes";
import { useHarness } from "./support/use-harness";

interface Exercised {
  /** Secrets created along the way (new keys, rotated keys, scratch External IDs). */
  secrets: string[];
  /** Each response, with the tenant it was about. */
  responses: { tenant: Tenant; what: string; response: HarnessResponse<unknown> }[];
}

/** Calls every /v1 route for `tenant`, successfully and with bad input. */
async function exerciseEveryRoute(h: Harness, tenant: Tenant, other: Tenant, out: Exercised) {
  const base = `/v1/clients/${tenant.id}`;
  const call = async <T>(what: string, method: string, path: string, options = {}) => {
    const response = await h.request<T>(method, path, options);
    expect(response.status, `${what}: ${response.text}`).toBeLessThan(500);
    out.responses.push({ tenant, what, response });
    return response;
  };

  await call("getClient", "GET", base);
  await call("getClientStatus", "GET", `${base}/status`);
  await call("verifyClient", "POST", `${base}/verify`);
  await call("verifyClient with the derived ARN", "POST", `${base}/verify`, {
    body: { role_arn: tenant.roleArn },
  });
  const issued = await call<IssuedKey>("issueApiKey", "POST", `${base}/api-keys`, {
    body: { name: "scan-me" },
  });
  out.secrets.push(issued.body.secret);
  await call("listApiKeys", "GET", `${base}/api-keys`);
  const rotated = await call<RotatedKey>(
    "rotateApiKey",
    "POST",
    `${base}/api-keys/${issued.body.id}/rotate`,
    {
      body: { overlap_seconds: 30 },
    },
  );
  out.secrets.push(rotated.body.secret);
  await call("revokeApiKey", "DELETE", `${base}/api-keys/${rotated.body.id}`);
  await call("getPolicy", "GET", `${base}/policy`);
  await call("putPolicy", "PUT", `${base}/policy`, { body: VALID_POLICY });
  await call("getUsage", "GET", `${base}/usage`);
  await call("listAuditEvents", "GET", `${base}/audit?limit=2`);

  // A failed verification: the customer deleted the role, then re-deployed it.
  h.sandbox.deleteRole(tenant.accountId, tenant.roleName);
  await call("verifyClient (denied)", "POST", `${base}/verify`);
  await deployRole(h.sandbox, {
    accountId: tenant.accountId,
    externalId: tenant.externalId,
    roleName: tenant.roleName,
  });
  await call("verifyClient (re-deployed)", "POST", `${base}/verify`);

  // Error paths.
  await call("malformed JSON", "POST", `${base}/api-keys`, { rawBody: "{" });
  await call("unknown field", "POST", `${base}/verify`, { body: { external_id: tenant.externalId } });
  await call("the other tenant's key", "DELETE", `${base}/api-keys/${other.keyId}`);
  await call("rotate the other tenant's key", "POST", `${base}/api-keys/${other.keyId}/rotate`);
  await call("bad cursor", "GET", `${base}/audit?cursor=bogus`);
  await call("bad period", "GET", `${base}/usage?period=2026-13`);
  await call("bad policy", "PUT", `${base}/policy`, {
    body: { version: "1.0", required_tags: [{ name: "x" }] },
  });
  await call("no credential", "GET", base, { token: null });
  await call("an API key as admin token", "GET", base, { token: tenant.apiKey });
  await call("an expired JWT", "GET", base, { token: await h.jwt({ expiresIn: -120 }) });
  await call("a JWT without the admin scope", "GET", base, { token: await h.jwt({ scope: "mcp:tools" }) });
}

describe.each(KINDS)("secrets stay private (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("after every route on both tenants: no log line carries an External ID, an API key or an admin credential", async () => {
    const h = harness();
    const out: Exercised = { secrets: [], responses: [] };
    await exerciseEveryRoute(h, h.acme, h.globex, out);
    await exerciseEveryRoute(h, h.globex, h.acme, out);

    const scratch = await h.request<Registration>("POST", "/v1/clients", {
      body: {
        name: "Scratch",
        contact_email: "s@scratch.example",
        tier: "starter",
        aws_account_id: "444455556666",
      },
      headers: { "idempotency-key": `secrets-${kind}` },
    });
    out.secrets.push(scratch.body.onboarding.external_id);
    await h.request("POST", "/v1/clients", {
      body: {
        name: "Scratch",
        contact_email: "s@scratch.example",
        tier: "starter",
        aws_account_id: "444455556666",
      },
      headers: { "idempotency-key": `secrets-${kind}` },
    });
    await h.request("GET", "/v1/clients?limit=200");
    await h.request("GET", "/v1/clients?cursor=bogus");
    await h.request("POST", `/v1/clients/${scratch.body.client.id}/verify`);
    await h.request("DELETE", `/v1/clients/${scratch.body.client.id}`);

    const secrets = [
      ...h.tenants.flatMap((t) => [t.externalId, t.apiKey]),
      ...out.secrets,
      h.adminToken,
      h.jwtSecret,
    ];
    const log = h.logs.lines.join("");
    // The log is not empty: one wide event per request, with the tenant's id (not its secrets).
    expect(h.logs.lines.length).toBeGreaterThan(60);
    const entries = h.logs.entries();
    expect(entries.filter((e) => e.msg === "request" && e.client_id === h.acme.id).length).toBeGreaterThan(
      20,
    );
    expect(entries.filter((e) => e.msg === "request" && e.client_id === h.globex.id).length).toBeGreaterThan(
      20,
    );
    const leaked = secrets.filter((secret) => log.includes(secret));
    expect(leaked, "secrets found in the log").toEqual([]);
    // Nor a piece of one: the first 16 characters of an External ID are as telling as the whole.
    for (const tenant of h.tenants) expect(log).not.toContain(tenant.externalId.slice(0, 16));
  });

  test("no response about one tenant carries the other's External ID, API key or ids", async () => {
    const h = harness();
    const out: Exercised = { secrets: [], responses: [] };
    await exerciseEveryRoute(h, h.acme, h.globex, out);
    await exerciseEveryRoute(h, h.globex, h.acme, out);
    for (const { tenant, what, response } of out.responses) {
      const other = tenant.id === h.acme.id ? h.globex : h.acme;
      // The cross-tenant requests name the other tenant's key id themselves; the answer may echo it.
      const text = response.text.replaceAll(other.keyId, "");
      for (const [name, value] of Object.entries({
        externalId: other.externalId,
        apiKey: other.apiKey,
        id: other.id,
        roleName: other.roleName,
        accountId: other.accountId,
      })) {
        expect(text.includes(value), `${tenant.slug} ${what} shows ${other.slug}'s ${name}`).toBe(false);
      }
      // A tenant's own External ID is shown at registration only.
      expect(response.text.includes(tenant.externalId), `${tenant.slug} ${what} shows its External ID`).toBe(
        false,
      );
    }
  });

  test("a database failure while storing an External ID is logged without the query's parameters", async () => {
    const h = harness();
    const restore = await failInsertsInto(h, "aws_connections");
    h.logs.clear();
    try {
      const response = await h.request("POST", "/v1/clients", {
        body: {
          name: "Doomed",
          contact_email: "d@doomed.example",
          tier: "starter",
          aws_account_id: "444455556666",
        },
      });
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        error: {
          code: "INTERNAL",
          message: "An internal error occurred. Retry later; quote the request id to support.",
          requestId: response.headers.get("x-request-id"),
        },
      });
    } finally {
      await restore();
    }
    const failure = h.logs.entries().find((e) => e.msg === "unhandled error");
    expect(failure).toMatchObject({
      level: 50,
      err: {
        message: expect.stringMatching(
          /^failed query: insert into "aws_connections" .*: simulated storage failure$/,
        ),
        code: "P0001",
        stack: expect.stringMatching(/^DrizzleQueryError: failed query: [\s\S]*register\.ts/),
      },
    });
    const line = JSON.stringify(failure);
    expect(line).not.toContain("params");
    // The connection row's parameters: the External ID (a run of exactly 40 alphanumerics; longer
    // runs, like the content hash in a patched package's path in the stack, are not one) and the role name.
    expect(line).not.toMatch(/(?<![A-Za-z0-9])[A-Za-z0-9]{40}(?![A-Za-z0-9])/);
    expect(line).not.toContain("TagComplianceReadOnly-");
  });
});
