// verifyAccess: connected with every probe listed, degraded (a narrowed policy) and failed outcomes,
// end to end through the real SDK against the sandbox.
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CredentialBroker, PROBES, verifyAccess } from "../src";
import {
  ACME,
  assumeRoleCalls,
  brokerFor,
  configFor,
  GLOBEX,
  NARROW_ROLE_NAME,
  ROLE_NAME,
  roleArn,
  scannerRole,
  startTestSandbox,
  targetFor,
} from "./fixtures";

let sandbox: Sandbox;
let broker: CredentialBroker;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  broker = brokerFor(sandbox);
});
afterAll(async () => {
  broker.destroy();
  await sandbox.stop();
});

const verify = (target = targetFor(ACME), probeRegion?: string) =>
  verifyAccess({ broker, config: configFor(sandbox), target, ...(probeRegion ? { probeRegion } : {}) });

const allOk = PROBES.map(({ family, action, required }) => ({
  family,
  action,
  required,
  outcome: "ok",
  error_code: null,
}));

describe("verifyAccess", () => {
  it("connects: the role is assumed, the account read back and every probe listed as ok", async () => {
    const result = await verify();
    expect(result).toEqual({
      ok: true,
      verdict: "connected",
      accountId: ACME.accountId,
      callerArn: `arn:aws:sts::${ACME.accountId}:assumed-role/${ROLE_NAME}/tagc-${ACME.clientId}`,
      probes: allOk,
      deniedActions: [],
    });
    expect(PROBES.map((p) => p.family)).toEqual([
      "EC2",
      "Tagging",
      "RDS",
      "Lambda",
      "ECS",
      "DynamoDB",
      "S3",
      "Cost Explorer",
      "Organizations",
    ]);
  });

  it("makes every probe call against AWS, once each", async () => {
    sandbox.resetCounters();
    await verify();
    const ops = sandbox.counters().by_operation;
    for (const { action } of PROBES) expect(ops[action], action).toBe(1);
  });

  it("always calls STS, even with a warm cache, and probes in the requested region", async () => {
    const target = targetFor(GLOBEX);
    await broker.getCredentials(target);
    const before = assumeRoleCalls(sandbox);
    const result = await verify(target, "eu-west-1");
    expect(result.verdict).toBe("connected");
    expect(assumeRoleCalls(sandbox) - before).toBe(1);
    const inRegion = sandbox.counters().by_account_region[`${GLOBEX.accountId}/eu-west-1`];
    expect(inRegion?.["tag:GetResources"]).toBeGreaterThanOrEqual(1);
    expect(inRegion?.["ec2:DescribeRegions"]).toBeGreaterThanOrEqual(1);
  });

  it("fails when the role only grants EC2: tag:GetResources is required", async () => {
    const result = await verify(
      targetFor(ACME, { clientId: "cli_narrow", roleArn: roleArn(ACME.accountId, NARROW_ROLE_NAME) }),
    );
    expect(result).toMatchObject({
      ok: false,
      verdict: "failed",
      error: { code: "REQUIRED_PERMISSION_DENIED", countsTowardRevocation: false },
    });
    if (result.ok) throw new Error("unreachable");
    expect(result.probes.find((p) => p.action === "tag:GetResources")).toMatchObject({
      outcome: "denied",
      error_code: "ACCESS_DENIED",
    });
  });

  it("fails with the classified AssumeRole error when the trust does not match, probing nothing", async () => {
    const result = await verify(targetFor(ACME, { externalId: GLOBEX.externalId }));
    expect(result).toMatchObject({
      ok: false,
      verdict: "failed",
      probes: [],
      error: { code: "ACCESS_DENIED", countsTowardRevocation: true },
    });
    expect(JSON.stringify(result)).not.toContain(GLOBEX.externalId);
    expect(JSON.stringify(result)).not.toContain(ACME.externalId);
  });

  it("fails once the role is deleted, even though a session is cached", async () => {
    const target = targetFor(ACME, { clientId: "cli_deleted" });
    expect((await verify(target)).ok).toBe(true);
    sandbox.deleteRole(ACME.accountId, ROLE_NAME);
    try {
      const result = await verify(target);
      expect(result).toMatchObject({ ok: false, verdict: "failed", error: { code: "ACCESS_DENIED" } });
    } finally {
      sandbox.putRole(ACME.accountId, scannerRole(ACME.externalId));
    }
  });
});
