// verifyAccess: connected, degraded (a narrowed policy) and failed outcomes, end to end.
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CredentialBroker, verifyAccess } from "../src";
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

describe("verifyAccess", () => {
  it("connects: the role is assumed, the account read back and every probe passes", async () => {
    const result = await verify();
    expect(result).toEqual({
      ok: true,
      accountId: ACME.accountId,
      callerArn: `arn:aws:sts::${ACME.accountId}:assumed-role/${ROLE_NAME}/tagc-${ACME.clientId}`,
      probes: [
        { action: "ec2:DescribeRegions", ok: true },
        { action: "tag:GetResources", ok: true },
      ],
      deniedActions: [],
    });
  });

  it("always calls STS, even with a warm cache, and probes in the requested region", async () => {
    const target = targetFor(GLOBEX);
    await broker.getCredentials(target);
    const before = assumeRoleCalls(sandbox);
    const result = await verify(target, "eu-west-1");
    expect(result.ok).toBe(true);
    expect(assumeRoleCalls(sandbox) - before).toBe(1);
    const inRegion = sandbox.counters().by_account_region[`${GLOBEX.accountId}/eu-west-1`];
    expect(inRegion?.["tag:GetResources"]).toBeGreaterThanOrEqual(1);
    expect(inRegion?.["ec2:DescribeRegions"]).toBeGreaterThanOrEqual(1);
  });

  it("is degraded when the role's policy lacks tag:GetResources", async () => {
    const result = await verify(
      targetFor(ACME, { clientId: "cli_narrow", roleArn: roleArn(ACME.accountId, NARROW_ROLE_NAME) }),
    );
    expect(result).toMatchObject({
      ok: true,
      deniedActions: ["tag:GetResources"],
      probes: [
        { action: "ec2:DescribeRegions", ok: true },
        { action: "tag:GetResources", ok: false, code: "ACCESS_DENIED" },
      ],
    });
  });

  it("records a probe failure other than AccessDenied with its code", async () => {
    sandbox.setFaults({ failing_regions: ["eu-west-1"] });
    try {
      const result = await verify(targetFor(ACME), "eu-west-1");
      expect(result).toMatchObject({ ok: true, deniedActions: [] });
      if (!result.ok) throw new Error("unreachable");
      expect(result.probes.every((p) => !p.ok && p.code === "UNKNOWN")).toBe(true);
    } finally {
      sandbox.setFaults({});
    }
  });

  it("fails with the classified AssumeRole error when the trust does not match", async () => {
    const result = await verify(targetFor(ACME, { externalId: GLOBEX.externalId }));
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error("unreachable");
    expect(result.error).toMatchObject({ code: "ACCESS_DENIED", countsTowardRevocation: true });
    expect(JSON.stringify(result)).not.toContain(GLOBEX.externalId);
    expect(JSON.stringify(result)).not.toContain(ACME.externalId);
  });

  it("fails once the role is deleted, even though a session is cached", async () => {
    const target = targetFor(ACME, { clientId: "cli_deleted" });
    expect((await verify(target)).ok).toBe(true);
    sandbox.deleteRole(ACME.accountId, ROLE_NAME);
    try {
      const result = await verify(target);
      expect(result).toMatchObject({ ok: false, error: { code: "ACCESS_DENIED" } });
    } finally {
      sandbox.putRole(ACME.accountId, scannerRole(ACME.externalId));
    }
  });
});
