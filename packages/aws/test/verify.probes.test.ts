// Each permission family on its own: a role narrowed to deny exactly one probe's action, a sandbox
// fault (500, 503) on a probe, and a probe that hangs past its timeout.
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CredentialBroker, PROBES, type VerifyAccessResult, verifyAccess } from "../src";
import {
  ACME,
  brokerFor,
  configFor,
  GLOBEX,
  readActionsWithout,
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
afterEach(() => {
  sandbox.setFaults({});
});

/** Deploys a role lacking `action` in acme's account, under its own name and client id. */
function narrowedTarget(action: string) {
  const name = `Narrow-${action.replace(/[^A-Za-z]/g, "")}`;
  sandbox.putRole(ACME.accountId, scannerRole(ACME.externalId, name, readActionsWithout(action)));
  return targetFor(ACME, { clientId: `cli_${name.toLowerCase()}`, roleArn: roleArn(ACME.accountId, name) });
}

const verify = (target = targetFor(ACME), probeTimeoutMs?: number) =>
  verifyAccess({
    broker,
    config: configFor(sandbox),
    target,
    ...(probeTimeoutMs ? { probeTimeoutMs } : {}),
  });

const outcomes = (result: VerifyAccessResult) =>
  Object.fromEntries(result.probes.map((p) => [p.action, [p.outcome, p.error_code]]));

describe.each(PROBES.filter((p) => !p.required).map((p) => p.action))("optional %s denied", (action) => {
  it("verifies degraded, naming exactly that action", async () => {
    const result = await verify(narrowedTarget(action));
    expect(result).toMatchObject({ ok: true, verdict: "degraded", deniedActions: [action] });
    expect(outcomes(result)[action]).toEqual(["denied", "ACCESS_DENIED"]);
    expect(result.probes.filter((p) => p.outcome === "ok")).toHaveLength(PROBES.length - 1);
  });
});

describe.each(PROBES.filter((p) => p.required).map((p) => p.action))("required %s denied", (action) => {
  it("fails with REQUIRED_PERMISSION_DENIED, the probes still listed", async () => {
    const result = await verify(narrowedTarget(action));
    expect(result).toMatchObject({
      ok: false,
      verdict: "failed",
      deniedActions: [action],
      error: { code: "REQUIRED_PERMISSION_DENIED", retryable: false, countsTowardRevocation: false },
    });
    expect(outcomes(result)[action]).toEqual(["denied", "ACCESS_DENIED"]);
  });
});

describe("a probe that fails without a denial", () => {
  it("a 500 on rds:DescribeDBInstances makes the attempt inconclusive with its code", async () => {
    sandbox.setFaults({ failing_operations: ["rds:DescribeDBInstances"] });
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      verdict: "inconclusive",
      deniedActions: [],
      error: { code: "UNKNOWN", retryable: true, countsTowardRevocation: false },
    });
    expect(outcomes(result)["rds:DescribeDBInstances"]).toEqual(["failed", "UNKNOWN"]);
    expect(result.probes.filter((p) => p.outcome === "ok")).toHaveLength(PROBES.length - 1);
  });

  it("a 500 on a required probe is inconclusive too, not a denial", async () => {
    sandbox.setFaults({ failing_operations: ["tag:GetResources"] });
    const result = await verify(targetFor(GLOBEX));
    expect(result).toMatchObject({ ok: false, verdict: "inconclusive" });
    expect(outcomes(result)["tag:GetResources"]).toEqual(["failed", "UNKNOWN"]);
  });

  it("a region answering 503 fails every regional probe: inconclusive", async () => {
    sandbox.setFaults({ failing_regions: ["us-east-1"] });
    const result = await verify();
    expect(result.verdict).toBe("inconclusive");
    expect(result.probes.every((p) => p.outcome === "failed")).toBe(true);
  });

  it("a required denial outranks another probe's 500", async () => {
    sandbox.setFaults({ failing_operations: ["lambda:ListFunctions"] });
    const result = await verify(narrowedTarget("ec2:DescribeRegions"));
    expect(result).toMatchObject({ verdict: "failed", error: { code: "REQUIRED_PERMISSION_DENIED" } });
  });

  it("a probe that hangs past its timeout is aborted and failed with TIMEOUT", async () => {
    // A timeout generous enough that no other probe hits it on a loaded machine: an aborted call is
    // still answered (and counted) by the sandbox later, which would leak into the next test.
    sandbox.setFaults({ operation_latency_ms: { "dynamodb:ListTables": 5_000 } });
    const started = Date.now();
    const result = await verify(targetFor(ACME), 1_500);
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(result).toMatchObject({ ok: false, verdict: "inconclusive", error: { code: "TIMEOUT" } });
    expect(outcomes(result)["dynamodb:ListTables"]).toEqual(["failed", "TIMEOUT"]);
  });
});

it("an account outside any organization passes the Organizations probe (NotInUse is authorized)", async () => {
  sandbox.resetCounters();
  const result = await verify();
  expect(sandbox.counters().by_operation["organizations:ListPolicies"]).toBe(1);
  expect(outcomes(result)["organizations:ListPolicies"]).toEqual(["ok", null]);
});
