import { TEMPLATE_VERSION } from "@tagc/cloudformation";
import { fixFor } from "@tagc/services";
import { TestClock } from "@tagc/testkit";
import { describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { ClientStatusBody } from "../../support/api-types";
import { ALL_PROBES_OK } from "../../support/probes";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");

describe.each(KINDS)("getClientStatus (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });

  test("a connected client: healthy, verified, no error, the deployed template version", async () => {
    const h = harness();
    const response = await h.request<ClientStatusBody>("GET", `/v1/clients/${h.globex.id}/status`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      client_id: h.globex.id,
      status: "connected",
      aws_account_id: "333333333333",
      role_arn: h.globex.roleArn,
      last_checked_at: NOW.toISOString(),
      next_check_at: null,
      verified_at: NOW.toISOString(),
      consecutive_failures: 0,
      last_error_code: null,
      last_error_message: null,
      fix: null,
      external_id_expires_at: null,
      template_version: TEMPLATE_VERSION,
      latest_template_version: TEMPLATE_VERSION,
      template_outdated: false,
      policy_import_note: null,
      probes: ALL_PROBES_OK,
    });
  });

  test("a pending client: when it is polled next, and when its External ID expires (never the ID itself)", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: "444455556666" });
    const response = await h.request<ClientStatusBody>("GET", `/v1/clients/${registration.client.id}/status`);
    expect(response.body).toEqual({
      client_id: registration.client.id,
      status: "pending",
      aws_account_id: "444455556666",
      role_arn: registration.connection.role_arn,
      last_checked_at: null,
      next_check_at: "2026-11-21T12:00:30.000Z",
      verified_at: null,
      consecutive_failures: 0,
      last_error_code: null,
      last_error_message: null,
      fix: null,
      external_id_expires_at: "2026-11-23T12:00:00.000Z",
      template_version: TEMPLATE_VERSION,
      latest_template_version: TEMPLATE_VERSION,
      template_outdated: false,
      policy_import_note: null,
      probes: [],
    });
    expect(response.text).not.toContain(registration.onboarding.external_id);
  });

  test("after a denied AssumeRole: the classified error and its fix-it message", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: "444455556666" });
    const id = registration.client.id;
    // The customer has not deployed the stack yet: there is no role to assume.
    const verify = await h.request("POST", `/v1/clients/${id}/verify`);
    expect(verify.status).toBe(200);
    const response = await h.request<ClientStatusBody>("GET", `/v1/clients/${id}/status`);
    expect(response.body).toMatchObject({
      status: "pending",
      last_checked_at: NOW.toISOString(),
      verified_at: null,
      consecutive_failures: 1,
      last_error_code: "ACCESS_DENIED",
      last_error_message: "AWS denied AssumeRole on the customer's role.",
      fix: fixFor("ACCESS_DENIED"),
    });
    expect(response.body.fix).toContain("Re-deploy the stack");
    expect(response.text).not.toContain(registration.onboarding.external_id);
  });
});
