import { authenticateApiKey } from "@tagc/services";
import { deployRole, TestClock } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { AuditList, ClientDetail, DeletedClient, KeyList, VerifyResult } from "../../support/api-types";
import { connectionRow } from "../../support/db-state";
import { expectError } from "../../support/expect-error";
import { anIso } from "../../support/matchers";
import { issueScratchKey, registerScratchClient, VALID_POLICY } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const ACME_ACCOUNT = "222222222222";

describe.each(KINDS)("deleteClient (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });

  /** A connected client with two keys, in acme's AWS account. */
  async function connectedClient() {
    const h = harness();
    const registration = await registerScratchClient(h, {
      aws_account_id: ACME_ACCOUNT,
      tier: "professional",
    });
    const id = registration.client.id;
    await deployRole(h.sandbox, {
      accountId: ACME_ACCOUNT,
      externalId: registration.onboarding.external_id,
      roleName: registration.onboarding.role_name,
    });
    expect((await h.request<VerifyResult>("POST", `/v1/clients/${id}/verify`)).body.status).toBe("connected");
    const keys = [await issueScratchKey(h, id), await issueScratchKey(h, id)];
    return { registration, id, keys };
  }

  test("offboards: keys revoked at once, status deleted, audit kept, the customer's AWS untouched", async () => {
    const h = harness();
    const { registration, id, keys } = await connectedClient();

    const response = await h.request<DeletedClient>("DELETE", `/v1/clients/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...registration.client,
      status: "deleted",
      status_reason: "offboarded",
      updated_at: anIso(),
      deleted_at: NOW.toISOString(),
      revoked_keys: 2,
    });

    for (const key of keys) {
      expect(await authenticateApiKey(h.db, key.secret, clock.now())).toEqual({
        ok: false,
        reason: "revoked",
      });
    }
    const list = await h.request<KeyList>("GET", `/v1/clients/${id}/api-keys`);
    expect(list.body.data.map((k) => [k.id, k.state, k.revoked_at])).toEqual(
      keys.map((k) => [k.id, "revoked", NOW.toISOString()]),
    );

    const detail = await h.request<ClientDetail>("GET", `/v1/clients/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id,
      status: "deleted",
      deleted_at: NOW.toISOString(),
      onboarding: null,
    });
    expect(detail.body.connections.map((c) => c.status)).toEqual(["deleted"]);
    expect((await connectionRow(h, id)).nextCheckAt).toBeNull();

    // Audit stays for the retention period, with the offboarding itself last.
    const audit = await h.request<AuditList>("GET", `/v1/clients/${id}/audit`);
    expect(audit.body.data.map((e) => e.operation)).toEqual([
      "clients.delete",
      "api_keys.issue",
      "api_keys.issue",
      "clients.verify",
      "clients.register",
    ]);
    expect(audit.body.data[0]?.params).toEqual({ revoked_keys: 2 });

    // The role is still in the customer's account: they delete the stack, we do not.
    expect(h.sandbox.deleteRole(ACME_ACCOUNT, registration.onboarding.role_name)).toBe(true);
  });

  test("a deleted client cannot be verified, given keys, rotated or given a policy (409)", async () => {
    const h = harness();
    const { id, keys } = await connectedClient();
    await h.request("DELETE", `/v1/clients/${id}`);
    const conflict = { status: 409, code: "CONFLICT", message: `client ${id} is deleted` };
    expectError(await h.request("POST", `/v1/clients/${id}/verify`), conflict);
    expectError(await h.request("POST", `/v1/clients/${id}/api-keys`, { body: { name: "again" } }), conflict);
    expectError(await h.request("POST", `/v1/clients/${id}/api-keys/${keys[0]?.id}/rotate`), conflict);
    expectError(await h.request("PUT", `/v1/clients/${id}/policy`, { body: VALID_POLICY }), conflict);
    expect((await h.request("GET", `/v1/clients/${id}/status`)).body).toMatchObject({ status: "deleted" });
  });

  test("deleting twice is harmless: 200, nothing more revoked", async () => {
    const h = harness();
    const { id } = await connectedClient();
    const first = await h.request<DeletedClient>("DELETE", `/v1/clients/${id}`);
    const second = await h.request<DeletedClient>("DELETE", `/v1/clients/${id}`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ...first.body, revoked_keys: 0 });
  });

  test("the other tenants keep working", async () => {
    const h = harness();
    const { id } = await connectedClient();
    await h.request("DELETE", `/v1/clients/${id}`);
    for (const tenant of h.tenants) {
      const auth = await authenticateApiKey(h.db, tenant.apiKey, clock.now());
      expect(auth.ok && auth.client.id).toBe(tenant.id);
      expect((await h.request<ClientDetail>("GET", `/v1/clients/${tenant.id}`)).body.status).toBe(
        "connected",
      );
    }
  });
});
