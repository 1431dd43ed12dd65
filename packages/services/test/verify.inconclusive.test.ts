// A verification whose probes fail without a denial (the sandbox answering 500 or 503) proves
// nothing: the status and the failure count stay as they were, verified is false, the error names
// the failed reads with fix-it text, and pending clients stay on the poll schedule.
import { afterEach, describe, expect, it } from "vitest";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, KINDS, parkPendingConnections, useHarness } from "./harness";
import { fixFor, getClientStatus, runVerificationSweep, verifyClient } from "./verbs";

describe.each(KINDS)("inconclusive verification on %s", (kind) => {
  const harness = useHarness(kind);
  afterEach(() => harness().sandbox.setFaults({}));

  it("a 500 on one probe leaves a connected client connected and reports inconclusive", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    const ctx = await h.ctxFor(acme.id);
    expect(await verifyClient({ ctx, input: {} })).toMatchObject({ status: "connected" });
    const before = await h.connection(acme.id);

    h.sandbox.setFaults({ failing_operations: ["rds:DescribeDBInstances"] });
    const result = await verifyClient({ ctx: await h.ctxFor(acme.id), input: {} });
    expect(result).toMatchObject({
      status: "connected",
      verified: false,
      verdict: "inconclusive",
      consecutive_failures: 0,
      denied_actions: [],
      error: {
        code: "INCONCLUSIVE",
        message: "AWS failed these read calls without denying them: rds:DescribeDBInstances (UNKNOWN)",
      },
    });
    expect(result.error?.fix).toContain("for rds:DescribeDBInstances");
    expect(result.error?.fix).toContain("we retry automatically");
    expect(result.probes.find((p) => p.action === "rds:DescribeDBInstances")).toEqual({
      family: "RDS",
      action: "rds:DescribeDBInstances",
      required: false,
      outcome: "failed",
      error_code: "UNKNOWN",
    });
    expect(await h.clientRow(acme.id)).toMatchObject({ status: "connected" });
    const after = await h.connection(acme.id);
    expect(after).toMatchObject({
      status: "connected",
      consecutiveFailures: 0,
      verifiedAt: before.verifiedAt,
      lastErrorCode: "INCONCLUSIVE",
    });
    expect((await h.auditRows(acme.id, "clients.verify")).at(-1)).toMatchObject({
      outcome: "error",
      errorCode: "INCONCLUSIVE",
    });

    const status = await getClientStatus({ ctx: await h.ctxFor(acme.id) });
    expect(status).toMatchObject({ status: "connected", last_error_code: "INCONCLUSIVE" });
    expect(status.fix).toBe(fixFor("INCONCLUSIVE", result.probes));
    expect(status.probes).toEqual(result.probes);

    // The second tenant's status never shows the first's probes or error.
    const other = await getClientStatus({ ctx: await h.ctxFor(globex.id) });
    expect(other.probes).toEqual([]);
    expect(other.last_error_code).toBeNull();
  });

  it("a degraded client stays degraded, and its failure count is not touched", async () => {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    await h.onboard("Globex", GLOBEX_ACCOUNT);
    h.putRole(acme, { withoutActions: ["lambda:ListFunctions"] });
    expect(await verifyClient({ ctx: await h.ctxFor(acme.id), input: {} })).toMatchObject({
      status: "degraded",
    });
    h.sandbox.setFaults({ failing_regions: ["us-east-1"] });
    const result = await verifyClient({ ctx: await h.ctxFor(acme.id), input: {} });
    expect(result).toMatchObject({ status: "degraded", verified: false, verdict: "inconclusive" });
    expect(result.probes.every((p) => p.outcome === "failed")).toBe(true);
  });

  it("a pending client polled during a fault stays pending and keeps its next check", async () => {
    const h = harness();
    await parkPendingConnections(h.db);
    const acme = await h.register("Acme", ACME_ACCOUNT);
    const globex = await h.register("Globex", GLOBEX_ACCOUNT);
    h.putRole(acme);
    h.sandbox.setFaults({ failing_operations: ["tag:GetResources", "ce:GetCostAndUsage"] });
    h.clock.advance(30_000);

    const swept = await runVerificationSweep({ deps: h.deps, owner: "replica-a" });
    expect(swept.checked).toEqual(
      expect.arrayContaining([
        { client_id: acme.id, status: "pending", error: "INCONCLUSIVE" },
        { client_id: globex.id, status: "pending", error: "ACCESS_DENIED" },
      ]),
    );
    const status = await getClientStatus({ ctx: await h.ctxFor(acme.id) });
    expect(status).toMatchObject({
      status: "pending",
      verified_at: null,
      consecutive_failures: 0,
      last_error_code: "INCONCLUSIVE",
      next_check_at: new Date(h.clock.now().getTime() + 30_000).toISOString(),
    });
    expect(status.probes.filter((p) => p.outcome === "failed").map((p) => p.action)).toEqual([
      "tag:GetResources",
      "ce:GetCostAndUsage",
    ]);
    // Globex's role was never deployed: its AssumeRole was refused, so it has no probes at all.
    expect((await getClientStatus({ ctx: await h.ctxFor(globex.id) })).probes).toEqual([]);

    // Once AWS answers again, the next poll connects.
    h.sandbox.setFaults({});
    h.clock.advance(30_000);
    await runVerificationSweep({ deps: h.deps, owner: "replica-a" });
    expect(await getClientStatus({ ctx: await h.ctxFor(acme.id) })).toMatchObject({ status: "connected" });
  });
});
