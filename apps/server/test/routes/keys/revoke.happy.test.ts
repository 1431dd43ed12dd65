import { authenticateApiKey } from "@tagc/services";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { ApiKeyBody, AuditList } from "../../support/api-types";
import { anIso } from "../../support/matchers";
import { issueScratchKey } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("revokeApiKey (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("revocation is effective at once: the very next lookup fails", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id);
    const before = await authenticateApiKey(h.db, key.secret, new Date());
    expect(before.ok).toBe(true);

    const response = await h.request<ApiKeyBody>("DELETE", `/v1/clients/${h.acme.id}/api-keys/${key.id}`);
    expect(response.status).toBe(200);
    const { secret: _secret, ...view } = key;
    // The lookup above stamped last_used_at.
    expect(response.body).toEqual({ ...view, state: "revoked", revoked_at: anIso(), last_used_at: anIso() });
    expect(await authenticateApiKey(h.db, key.secret, new Date())).toEqual({ ok: false, reason: "revoked" });
  });

  test("revoking twice is harmless and keeps the first revocation time", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id);
    const first = await h.request<ApiKeyBody>("DELETE", `/v1/clients/${h.acme.id}/api-keys/${key.id}`);
    const second = await h.request<ApiKeyBody>("DELETE", `/v1/clients/${h.acme.id}/api-keys/${key.id}`);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  test("only that key stops: the tenant's other keys and the other tenant's keys still work", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.globex.id);
    await h.request("DELETE", `/v1/clients/${h.globex.id}/api-keys/${key.id}`);
    for (const tenant of h.tenants) {
      const auth = await authenticateApiKey(h.db, tenant.apiKey, new Date());
      expect(auth.ok && auth.client.id).toBe(tenant.id);
    }
  });

  test("revocation is audited", async () => {
    const h = harness();
    const key = await issueScratchKey(h, h.acme.id);
    await h.request("DELETE", `/v1/clients/${h.acme.id}/api-keys/${key.id}`);
    const audit = await h.request<AuditList>("GET", `/v1/clients/${h.acme.id}/audit?limit=1`);
    expect(audit.body.data[0]).toMatchObject({ operation: "api_keys.revoke", params: { key_id: key.id } });
  });
});
