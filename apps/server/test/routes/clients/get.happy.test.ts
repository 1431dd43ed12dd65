import { TEMPLATE_VERSION } from "@tagc/cloudformation";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { ClientDetail } from "../../support/api-types";
import { anId, anIso } from "../../support/matchers";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

describe.each(KINDS)("getClient (%s)", (kind) => {
  const harness = useHarness({ kind });

  test("a connected client: its connection, and no onboarding block (the External ID is not shown again)", async () => {
    const h = harness();
    const response = await h.request<ClientDetail>("GET", `/v1/clients/${h.acme.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: h.acme.id,
      name: "Acme Corp",
      contact_email: "finops@acme.example",
      tier: "professional",
      status: "connected",
      status_reason: null,
      created_at: anIso(),
      updated_at: anIso(),
      deleted_at: null,
      connections: [
        {
          id: anId("con"),
          aws_account_id: "222222222222",
          role_name: h.acme.roleName,
          role_arn: h.acme.roleArn,
          status: "connected",
          last_checked_at: anIso(),
          last_error_code: null,
          verified_at: anIso(),
          template_version: TEMPLATE_VERSION,
        },
      ],
      onboarding: null,
    });
    expect(response.text).not.toContain(h.acme.externalId);
  });

  test("each tenant's id answers that tenant", async () => {
    const h = harness();
    for (const tenant of h.tenants) {
      const response = await h.request<ClientDetail>("GET", `/v1/clients/${tenant.id}`);
      expect(response.body).toMatchObject({
        id: tenant.id,
        name: tenant.name,
        tier: tenant.tier,
        connections: [{ aws_account_id: tenant.accountId, role_name: tenant.roleName }],
      });
    }
  });

  test("a pending client still shows its onboarding block, with its own External ID", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: "444455556666" });
    const response = await h.request<ClientDetail>("GET", `/v1/clients/${registration.client.id}`);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("pending");
    expect(response.body.connections).toEqual([registration.connection]);
    // Without the console region of the registration, the link uses the default region.
    expect(response.body.onboarding).toEqual(registration.onboarding);
  });
});
