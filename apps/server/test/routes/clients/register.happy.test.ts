import { TEMPLATE_VERSION } from "@tagc/cloudformation";
import { DEFAULT_POLICY } from "@tagc/core";
import { clients } from "@tagc/db";
import { TestClock } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { AuditList, ClientList, PolicyBody, Registration } from "../../support/api-types";
import { auditRows, connectionRow } from "../../support/db-state";
import { anId, anIso } from "../../support/matchers";
import { TEST_TEMPLATE_URL as TEMPLATE_URL } from "../../support/operator-env";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");

describe.each(KINDS)("registerClient (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });

  test("registers a pending client with its External ID, role name and quick-create link", async () => {
    const h = harness();
    const response = await h.request<Registration>("POST", "/v1/clients", {
      body: {
        name: "  Initech  ",
        contact_email: "cloud@initech.example",
        tier: "enterprise",
        aws_account_id: "444455556666",
        region: "eu-west-1",
      },
    });
    expect(response.status).toBe(201);
    const { client, connection, onboarding } = response.body;
    const shortId = connection.role_name.replace("TagComplianceReadOnly-", "");
    expect(shortId).toMatch(/^[a-z0-9]{8}$/);
    expect(response.body).toEqual({
      client: {
        id: anId("cli"),
        name: "Initech",
        contact_email: "cloud@initech.example",
        tier: "enterprise",
        status: "pending",
        status_reason: null,
        created_at: anIso(),
        updated_at: anIso(),
        deleted_at: null,
      },
      connection: {
        id: anId("con"),
        aws_account_id: "444455556666",
        role_name: `TagComplianceReadOnly-${shortId}`,
        role_arn: `arn:aws:iam::444455556666:role/TagComplianceReadOnly-${shortId}`,
        status: "pending",
        last_checked_at: null,
        last_error_code: null,
        verified_at: null,
        template_version: TEMPLATE_VERSION,
      },
      onboarding: {
        external_id: expect.stringMatching(/^[A-Za-z0-9]{40}$/),
        // 48 hours on the services' clock.
        external_id_expires_at: "2026-11-23T12:00:00.000Z",
        role_name: `TagComplianceReadOnly-${shortId}`,
        template_url: TEMPLATE_URL,
        quick_create_url: expect.any(String),
      },
      status: "pending",
      replayed: false,
    });
    // Every parameter sits in the fragment, URL-encoded; no API key or other secret goes into it.
    expect(onboarding.quick_create_url).toBe(
      "https://console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/quickcreate" +
        `?templateURL=${encodeURIComponent(TEMPLATE_URL)}` +
        `&stackName=tag-compliance-${shortId}` +
        `&param_ExternalId=${onboarding.external_id}` +
        `&param_RoleName=TagComplianceReadOnly-${shortId}`,
    );
    expect(onboarding.quick_create_url).not.toContain("tagc_live_");
    // The External ID in the response is the one stored for the connection.
    expect((await connectionRow(h, client.id)).externalId).toBe(onboarding.external_id);
    // Background verification starts polling half a minute after registration.
    expect((await connectionRow(h, client.id)).nextCheckAt?.toISOString()).toBe("2026-11-21T12:00:30.000Z");
  });

  test("without an account id or region: no role ARN yet, and the console link uses the default region", async () => {
    const h = harness();
    const response = await h.request<Registration>("POST", "/v1/clients", {
      body: { name: "Hooli", contact_email: "ops@hooli.example", tier: "starter" },
    });
    expect(response.status).toBe(201);
    expect(response.body.connection).toMatchObject({ aws_account_id: null, role_arn: null });
    expect(response.body.onboarding.quick_create_url).toMatch(
      /^https:\/\/console\.aws\.amazon\.com\/cloudformation\/home\?region=us-east-1#\/stacks\/quickcreate\?/,
    );
  });

  test("every registration gets its own External ID, role name and stack name", async () => {
    const h = harness();
    const body = {
      name: "Twin",
      contact_email: "twin@example.test",
      tier: "starter",
      aws_account_id: "444455556666",
    };
    const first = await h.request<Registration>("POST", "/v1/clients", { body });
    const second = await h.request<Registration>("POST", "/v1/clients", { body });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.client.id).not.toBe(first.body.client.id);
    expect(second.body.onboarding.external_id).not.toBe(first.body.onboarding.external_id);
    // One AWS account can serve two clients without a role name collision.
    expect(second.body.onboarding.role_name).not.toBe(first.body.onboarding.role_name);
    for (const tenant of h.tenants) {
      expect([first.body.onboarding.external_id, second.body.onboarding.external_id]).not.toContain(
        tenant.externalId,
      );
    }
  });

  test("an Idempotency-Key replay returns the same client (200, replayed) and creates nothing", async () => {
    const h = harness();
    const key = `idem-${kind}-${Date.now()}`;
    const body = { name: "Umbrella", contact_email: "it@umbrella.example", tier: "professional" };
    const first = await h.request<Registration>("POST", "/v1/clients", {
      body,
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(201);
    const replay = await h.request<Registration>("POST", "/v1/clients", {
      body,
      headers: { "idempotency-key": key },
    });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ ...first.body, replayed: true });
    const rows = (await h.db.select().from(clients)).filter((row) => row.idempotencyKey === key);
    expect(rows.map((row) => row.id)).toEqual([first.body.client.id]);
    expect((await auditRows(h, first.body.client.id)).map((row) => row.operation)).toEqual([
      "clients.register",
    ]);
  });

  test("concurrent registrations with one Idempotency-Key create one client", async () => {
    const h = harness();
    const key = `race-${kind}-${Date.now()}`;
    const body = { name: "Race", contact_email: "race@example.test", tier: "starter" };
    const responses = await Promise.all(
      [0, 1, 2].map(() =>
        h.request<Registration>("POST", "/v1/clients", { body, headers: { "idempotency-key": key } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.client.id)).size).toBe(1);
    expect(new Set(responses.map((r) => r.body.onboarding.external_id)).size).toBe(1);
  });

  test("the new client is listed as pending, starts with the default policy, and its registration is audited", async () => {
    const h = harness();
    const response = await h.request<Registration>("POST", "/v1/clients", {
      body: { name: "Audited", contact_email: "a@audited.example", tier: "starter", region: "eu-west-1" },
    });
    const id = response.body.client.id;

    const pending = await h.request<ClientList>("GET", "/v1/clients?status=pending&limit=200");
    expect(pending.body.data.map((c) => c.id)).toContain(id);
    const connected = await h.request<ClientList>("GET", "/v1/clients?status=connected&limit=200");
    expect(connected.body.data.map((c) => c.id)).not.toContain(id);

    const policy = await h.request<PolicyBody>("GET", `/v1/clients/${id}/policy`);
    expect(policy.body).toMatchObject({ version: 1, source: "default", policy: DEFAULT_POLICY });

    const audit = await h.request<AuditList>("GET", `/v1/clients/${id}/audit`);
    expect(audit.body.data).toEqual([
      expect.objectContaining({
        actor: "admin",
        api_key_id: null,
        operation: "clients.register",
        params: { name: "Audited", tier: "starter", aws_account_id: null, region: "eu-west-1" },
        outcome: "ok",
        request_id: response.headers.get("x-request-id"),
      }),
    ]);
  });

  test("the quick-create link's template URL is the configured S3 object of the current version", async () => {
    const h = harness();
    const response = await h.request<Registration>("POST", "/v1/clients", {
      body: { name: "Template", contact_email: "t@example.test", tier: "starter" },
    });
    const url = new URL(response.body.onboarding.template_url);
    // CloudFormation reads a TemplateURL only from S3 over https, never from this server.
    expect(url.protocol).toBe("https:");
    expect(url.hostname).toMatch(/\.s3\.us-east-1\.amazonaws\.com$/);
    expect(url.pathname).toBe(`/templates/tag-compliance-role-${TEMPLATE_VERSION}.yaml`);
  });
});
