import { describe, expect, test } from "vitest";
import { type Harness, KINDS } from "../../harness";
import type { AuditList } from "../../support/api-types";
import { anId, anIso } from "../../support/matchers";
import {
  expectNoMarkersOf,
  issueScratchKey,
  registerScratchClient,
  VALID_POLICY,
} from "../../support/routes";
import { useHarness } from "../../support/use-harness";

async function allPages(h: Harness, clientId: string, limit: number) {
  const events: AuditList["data"] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = cursor ? `?limit=${limit}&cursor=${cursor}` : `?limit=${limit}`;
    const page: { status: number; body: AuditList } = await h.request<AuditList>(
      "GET",
      `/v1/clients/${clientId}/audit${query}`,
    );
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(limit);
    events.push(...page.body.data);
    cursor = page.body.next_cursor;
    pages++;
  } while (cursor && pages < 100);
  return { events, pages };
}

describe.each(KINDS)("listAuditEvents (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("onboarding left its trail, newest first, with the actor and the request id", async () => {
    const h = harness();
    const response = await h.request<AuditList>("GET", `/v1/clients/${h.globex.id}/audit`);
    expect(response.status).toBe(200);
    const event = (operation: string, params: Record<string, unknown>) => ({
      id: anId("evt"),
      actor: "admin",
      api_key_id: null,
      operation,
      params,
      outcome: "ok",
      error_code: null,
      duration_ms: expect.any(Number),
      request_id: expect.stringMatching(/^req_[0-9a-f]{32}$/),
      created_at: anIso(),
    });
    expect(response.body).toEqual({
      data: [
        event("api_keys.issue", { key_id: h.globex.keyId, name: "globex-harness", scopes: ["mcp:tools"] }),
        event("clients.verify", { role_arn: h.globex.roleArn, trigger: "on_demand" }),
        event("clients.register", {
          name: "Globex",
          tier: "starter",
          aws_account_id: h.globex.accountId,
          region: null,
        }),
      ],
      next_cursor: null,
    });
    expectNoMarkersOf(h.acme, response.text, "globex's audit");
    expect(response.text).not.toContain(h.globex.externalId);
    expect(response.text).not.toContain(h.globex.apiKey);
  });

  test("pages with the cursor: every event once, newest first, whatever the page size", async () => {
    const h = harness();
    const { client } = await registerScratchClient(h);
    for (let i = 0; i < 3; i++) await issueScratchKey(h, client.id);
    await h.request("PUT", `/v1/clients/${client.id}/policy`, { body: VALID_POLICY });
    const full = await h.request<AuditList>("GET", `/v1/clients/${client.id}/audit?limit=200`);
    expect(full.body.data).toHaveLength(5);
    expect(full.body.data.map((e) => e.operation)).toEqual([
      "policy.put",
      "api_keys.issue",
      "api_keys.issue",
      "api_keys.issue",
      "clients.register",
    ]);
    for (const limit of [1, 2, 4, 5]) {
      const { events, pages } = await allPages(h, client.id, limit);
      expect(events.map((e) => e.id)).toEqual(full.body.data.map((e) => e.id));
      expect(pages).toBe(Math.ceil(5 / limit));
    }
  });

  test("a failed verification is recorded with its error code", async () => {
    const h = harness();
    const { client } = await registerScratchClient(h, { aws_account_id: "444455556666" });
    await h.request("POST", `/v1/clients/${client.id}/verify`);
    const response = await h.request<AuditList>("GET", `/v1/clients/${client.id}/audit?limit=1`);
    expect(response.body.data[0]).toMatchObject({
      operation: "clients.verify",
      outcome: "error",
      error_code: "ACCESS_DENIED",
    });
  });

  test("one tenant's cursor never reaches into another tenant's events", async () => {
    const h = harness();
    const acmePage = await h.request<AuditList>("GET", `/v1/clients/${h.acme.id}/audit?limit=1`);
    const cursor = acmePage.body.next_cursor;
    expect(cursor).not.toBeNull();
    const response = await h.request<AuditList>(
      "GET",
      `/v1/clients/${h.globex.id}/audit?limit=200&cursor=${cursor}`,
    );
    expect(response.status).toBe(200);
    const globexIds = (
      await h.request<AuditList>("GET", `/v1/clients/${h.globex.id}/audit?limit=200`)
    ).body.data.map((e) => e.id);
    for (const event of response.body.data) expect(globexIds).toContain(event.id);
    expectNoMarkersOf(h.acme, response.text, "globex's audit");
  });
});
