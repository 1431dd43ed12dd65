import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { ClientList } from "../../support/api-types";
import { CLIENT_FIELDS } from "../../support/matchers";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("listClients (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("lists both tenants, oldest first, with the public client shape only", async () => {
    const h = harness();
    const response = await h.request<ClientList>("GET", "/v1/clients");
    expect(response.status).toBe(200);
    expect(response.body.next_cursor).toBeNull();
    const [acme, globex] = response.body.data;
    expect(acme).toEqual({
      id: h.acme.id,
      name: "Acme Corp",
      contact_email: "finops@acme.example",
      tier: "professional",
      status: "connected",
      status_reason: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    });
    expect(globex).toMatchObject({ id: h.globex.id, name: "Globex", tier: "starter", status: "connected" });
    for (const client of response.body.data) expect(Object.keys(client).sort()).toEqual(CLIENT_FIELDS);
  });

  test("pages with the cursor: every client once, in order, then a null cursor", async () => {
    const h = harness();
    const scratch = [];
    for (let i = 0; i < 3; i++) scratch.push((await registerScratchClient(h)).client.id);
    const all = await h.request<ClientList>("GET", "/v1/clients?limit=200");
    const expected = all.body.data.map((c) => c.id);
    expect(expected).toEqual([...expected].sort());
    expect(expected).toEqual(expect.arrayContaining([h.acme.id, h.globex.id, ...scratch]));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page: { status: number; body: ClientList } = await h.request<ClientList>(
        "GET",
        `/v1/clients${query}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((c) => c.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));
  });

  test("filters by status", async () => {
    const h = harness();
    const pending = (await registerScratchClient(h)).client.id;
    const connected = await h.request<ClientList>("GET", "/v1/clients?status=connected&limit=200");
    expect(connected.body.data.map((c) => c.id)).toEqual([h.acme.id, h.globex.id]);
    const pendingPage = await h.request<ClientList>("GET", "/v1/clients?status=pending&limit=200");
    expect(pendingPage.body.data.map((c) => c.id)).toContain(pending);
    expect(pendingPage.body.data.every((c) => c.status === "pending")).toBe(true);
    const revoked = await h.request<ClientList>("GET", "/v1/clients?status=revoked");
    expect(revoked.body).toEqual({ data: [], next_cursor: null });
  });

  test("never shows External IDs or API keys", async () => {
    const h = harness();
    const response = await h.request<ClientList>("GET", "/v1/clients?limit=200");
    for (const tenant of h.tenants) {
      expect(response.text).not.toContain(tenant.externalId);
      expect(response.text).not.toContain(tenant.apiKey);
      expect(response.text).not.toContain(tenant.roleName);
    }
  });
});
