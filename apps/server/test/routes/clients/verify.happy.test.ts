import { fixFor } from "@tagc/services";
import { deployRole, TestClock } from "@tagc/testkit";
import { beforeEach, describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { ClientStatusBody, VerifyResult } from "../../support/api-types";
import { clientRow } from "../../support/db-state";
import { ALL_PROBES_OK } from "../../support/probes";
import { registerScratchClient } from "../../support/routes";
import { CONTROL_PLANE } from "../../support/seed";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const ACME_ACCOUNT = "222222222222";

describe.each(KINDS)("verifyClient (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });
  beforeEach(() => clock.set(NOW));

  test("a connected client: assumes the role with its External ID, probes, stays connected", async () => {
    const h = harness();
    h.sandbox.resetCounters();
    const response = await h.request<VerifyResult>("POST", `/v1/clients/${h.acme.id}/verify`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      client_id: h.acme.id,
      status: "connected",
      verified: true,
      aws_account_id: ACME_ACCOUNT,
      role_arn: h.acme.roleArn,
      denied_actions: [],
      consecutive_failures: 0,
      error: null,
      verdict: "connected",
      probes: ALL_PROBES_OK,
      checked_at: NOW.toISOString(),
    });
    // One AssumeRole by the control plane, then the probes as the tenant's role, in the tenant's account.
    const counters = h.sandbox.counters();
    expect(counters.by_caller[CONTROL_PLANE.arn]).toEqual({ "sts:AssumeRole": 1 });
    expect(counters.by_caller[h.acme.roleArn]).toMatchObject(
      Object.fromEntries(ALL_PROBES_OK.map((p) => [p.action, 1])),
    );
    expect(
      Object.keys(counters.by_account_region).every((place) => !place.startsWith(h.globex.accountId)),
    ).toBe(true);
  });

  test("a role deleted by the customer: classified AccessDenied with the fix, revoked on the third in a row", async () => {
    const h = harness();
    // A second client in acme's AWS account: its role name differs, so the two never collide.
    const registration = await registerScratchClient(h, { aws_account_id: ACME_ACCOUNT });
    const id = registration.client.id;
    const { external_id: externalId, role_name: roleName } = registration.onboarding;
    await deployRole(h.sandbox, { accountId: ACME_ACCOUNT, externalId, roleName });
    expect((await h.request<VerifyResult>("POST", `/v1/clients/${id}/verify`)).body.status).toBe("connected");

    expect(h.sandbox.deleteRole(ACME_ACCOUNT, roleName)).toBe(true);
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push((await h.request<VerifyResult>("POST", `/v1/clients/${id}/verify`)).body);
    expect(outcomes.map((o) => [o.status, o.verified, o.consecutive_failures])).toEqual([
      ["connected", false, 1],
      ["connected", false, 2],
      ["revoked", false, 3],
    ]);
    expect(outcomes[2]?.error).toEqual({
      code: "ACCESS_DENIED",
      message: "AWS denied AssumeRole on the customer's role.",
      fix: fixFor("ACCESS_DENIED"),
    });
    const status = await h.request<ClientStatusBody>("GET", `/v1/clients/${id}/status`);
    expect(status.body).toMatchObject({
      status: "revoked",
      last_error_code: "ACCESS_DENIED",
      consecutive_failures: 3,
    });
    expect((await clientRow(h, id)).statusReason).toBe("access_denied");

    // Re-deploying the stack brings the client back.
    await deployRole(h.sandbox, { accountId: ACME_ACCOUNT, externalId, roleName });
    const back = await h.request<VerifyResult>("POST", `/v1/clients/${id}/verify`);
    expect(back.body).toMatchObject({
      status: "connected",
      verified: true,
      consecutive_failures: 0,
      error: null,
    });
    // acme, in the same account, was never affected.
    expect((await clientRow(h, h.acme.id)).status).toBe("connected");
  });

  test("a role that trusts another client's External ID is denied", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: ACME_ACCOUNT });
    await deployRole(h.sandbox, {
      accountId: ACME_ACCOUNT,
      externalId: h.globex.externalId,
      roleName: registration.onboarding.role_name,
    });
    const response = await h.request<VerifyResult>("POST", `/v1/clients/${registration.client.id}/verify`);
    expect(response.body).toMatchObject({
      status: "pending",
      verified: false,
      error: { code: "ACCESS_DENIED" },
    });
  });

  test("registered without an account id: verifies with the stack's RoleArn output and learns the account", async () => {
    const h = harness();
    const registration = await registerScratchClient(h);
    const { external_id: externalId, role_name: roleName } = registration.onboarding;
    await deployRole(h.sandbox, { accountId: ACME_ACCOUNT, externalId, roleName });
    const roleArn = `arn:aws:iam::${ACME_ACCOUNT}:role/${roleName}`;
    const response = await h.request<VerifyResult>("POST", `/v1/clients/${registration.client.id}/verify`, {
      body: { role_arn: roleArn },
    });
    expect(response.body).toMatchObject({
      status: "connected",
      verified: true,
      aws_account_id: ACME_ACCOUNT,
      role_arn: roleArn,
    });
    const status = await h.request<ClientStatusBody>("GET", `/v1/clients/${registration.client.id}/status`);
    expect(status.body).toMatchObject({
      aws_account_id: ACME_ACCOUNT,
      role_arn: roleArn,
      verified_at: NOW.toISOString(),
    });
  });

  test("a role narrowed to deny Lambda, RDS, DynamoDB, ECS and Cost Explorer: degraded, naming all five", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: ACME_ACCOUNT });
    const denied = [
      "rds:DescribeDBInstances",
      "lambda:ListFunctions",
      "ecs:ListClusters",
      "dynamodb:ListTables",
      "ce:GetCostAndUsage",
    ];
    await deployRole(
      h.sandbox,
      {
        accountId: ACME_ACCOUNT,
        externalId: registration.onboarding.external_id,
        roleName: registration.onboarding.role_name,
      },
      { withoutActions: denied },
    );
    const response = await h.request<VerifyResult>("POST", `/v1/clients/${registration.client.id}/verify`);
    expect(response.body).toMatchObject({
      status: "degraded",
      verified: true,
      verdict: "degraded",
      denied_actions: denied,
      error: {
        code: "DEGRADED",
        message: `These read calls are denied: ${denied.join(", ")}`,
        fix: fixFor("DEGRADED"),
      },
    });
    expect(response.body.probes.filter((p) => p.outcome === "denied").map((p) => p.action)).toEqual(denied);
    const status = await h.request<ClientStatusBody>("GET", `/v1/clients/${registration.client.id}/status`);
    expect(status.body.probes).toEqual(response.body.probes);
  });

  test("a role that only grants EC2: tag:GetResources is required, so an error, never verified", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: ACME_ACCOUNT });
    await deployRole(
      h.sandbox,
      {
        accountId: ACME_ACCOUNT,
        externalId: registration.onboarding.external_id,
        roleName: registration.onboarding.role_name,
      },
      { allowedActions: ["ec2:DescribeRegions"] },
    );
    const response = await h.request<VerifyResult>("POST", `/v1/clients/${registration.client.id}/verify`);
    expect(response.body).toMatchObject({
      status: "pending",
      verified: false,
      verdict: "failed",
      error: {
        code: "REQUIRED_PERMISSION_DENIED",
        message: expect.stringContaining("tag:GetResources"),
        fix: fixFor("REQUIRED_PERMISSION_DENIED"),
      },
    });
  });

  test("an External ID never verified within 48 hours has expired: no AWS call, a clear error", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: ACME_ACCOUNT });
    await deployRole(h.sandbox, {
      accountId: ACME_ACCOUNT,
      externalId: registration.onboarding.external_id,
      roleName: registration.onboarding.role_name,
    });
    clock.advance(48 * 3_600_000);
    h.sandbox.resetCounters();
    const response = await h.request<VerifyResult>("POST", `/v1/clients/${registration.client.id}/verify`);
    expect(response.body).toMatchObject({
      status: "pending",
      verified: false,
      error: { code: "EXTERNAL_ID_EXPIRED", fix: fixFor("EXTERNAL_ID_EXPIRED") },
      checked_at: "2026-11-23T12:00:00.000Z",
    });
    expect(h.sandbox.counters().total).toBe(0);
    expect((await clientRow(h, registration.client.id)).statusReason).toBe("external_id_expired");
  });

  test("every verify is audited with its outcome, never with the External ID", async () => {
    const h = harness();
    await h.request("POST", `/v1/clients/${h.globex.id}/verify`);
    const audit = await h.request<{ data: { operation: string; params: unknown; outcome: string }[] }>(
      "GET",
      `/v1/clients/${h.globex.id}/audit?limit=1`,
    );
    expect(audit.body.data[0]).toMatchObject({
      operation: "clients.verify",
      params: { role_arn: h.globex.roleArn, trigger: "on_demand" },
      outcome: "ok",
    });
    expect(audit.text).not.toContain(h.globex.externalId);
  });
});
