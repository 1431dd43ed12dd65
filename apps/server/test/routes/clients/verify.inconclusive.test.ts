// A sandbox fault returning 500 on the probes: the attempt is inconclusive, the status is left as
// it was (a connected client stays connected; a pending one stays pending on the poll schedule),
// verified is false, and /status shows the failed reads, only to their own tenant.
import { deployRole, TestClock } from "@tagc/testkit";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { KINDS } from "../../harness";
import type { ClientStatusBody, VerifyResult } from "../../support/api-types";
import { registerScratchClient } from "../../support/routes";
import { useHarness } from "../../support/use-harness";

const NOW = new Date("2026-11-21T12:00:00.000Z");
const ACME_ACCOUNT = "222222222222";
const PROBE_FAULTS = ["rds:DescribeDBInstances", "lambda:ListFunctions", "ecs:ListClusters"];

describe.each(KINDS)("inconclusive verification (%s)", (kind) => {
  const clock = new TestClock(NOW);
  const harness = useHarness({ kind, now: clock.now });
  beforeEach(() => clock.set(NOW));
  afterEach(() => harness().sandbox.setFaults({}));

  test("a connected client stays connected; the response says inconclusive, never verified", async () => {
    const h = harness();
    const before = await h.request<ClientStatusBody>("GET", `/v1/clients/${h.acme.id}/status`);
    expect(before.body.status).toBe("connected");
    h.sandbox.setFaults({ failing_operations: PROBE_FAULTS });

    const response = await h.request<VerifyResult>("POST", `/v1/clients/${h.acme.id}/verify`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "connected",
      verified: false,
      verdict: "inconclusive",
      consecutive_failures: before.body.consecutive_failures,
      denied_actions: [],
      error: { code: "INCONCLUSIVE" },
    });
    expect(response.body.error?.fix).toContain("we retry automatically");
    const failed = response.body.probes.filter((p) => p.outcome === "failed");
    expect(failed.map((p) => [p.action, p.error_code])).toEqual(PROBE_FAULTS.map((a) => [a, "UNKNOWN"]));

    const status = await h.request<ClientStatusBody>("GET", `/v1/clients/${h.acme.id}/status`);
    expect(status.body).toMatchObject({
      status: "connected",
      verified_at: before.body.verified_at,
      last_error_code: "INCONCLUSIVE",
      probes: response.body.probes,
    });
    // The second tenant's status never shows the first's probes.
    const other = await h.request<ClientStatusBody>("GET", `/v1/clients/${h.globex.id}/status`);
    expect(other.body.status).toBe("connected");
    expect(other.body.probes.every((p) => p.outcome === "ok")).toBe(true);
    expect(other.body.last_error_code).toBeNull();
  });

  test("a pending client stays pending and keeps its next check", async () => {
    const h = harness();
    const registration = await registerScratchClient(h, { aws_account_id: ACME_ACCOUNT });
    const id = registration.client.id;
    await deployRole(h.sandbox, {
      accountId: ACME_ACCOUNT,
      externalId: registration.onboarding.external_id,
      roleName: registration.onboarding.role_name,
    });
    h.sandbox.setFaults({ failing_operations: ["ec2:DescribeRegions", "tag:GetResources"] });

    const response = await h.request<VerifyResult>("POST", `/v1/clients/${id}/verify`);
    expect(response.body).toMatchObject({
      status: "pending",
      verified: false,
      verdict: "inconclusive",
      consecutive_failures: 0,
      error: { code: "INCONCLUSIVE" },
    });
    const status = await h.request<ClientStatusBody>("GET", `/v1/clients/${id}/status`);
    expect(status.body).toMatchObject({
      status: "pending",
      verified_at: null,
      next_check_at: "2026-11-21T12:00:30.000Z",
      last_error_code: "INCONCLUSIVE",
    });
    expect(status.body.probes.filter((p) => p.outcome === "failed").map((p) => p.action)).toEqual([
      "ec2:DescribeRegions",
      "tag:GetResources",
    ]);

    // AWS answers again: the next verify connects.
    h.sandbox.setFaults({});
    expect((await h.request<VerifyResult>("POST", `/v1/clients/${id}/verify`)).body).toMatchObject({
      status: "connected",
      verified: true,
      verdict: "connected",
    });
  });
});
