// Cache lifetime: reuse until five minutes before expiry, forced refresh, invalidation, and
// failures that must not stick. One clock drives both the broker and the sandbox's expiry.
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AssumeRoleError, type CredentialBroker } from "../src";
import {
  ACME,
  assumeRoleCalls,
  brokerFor,
  GLOBEX,
  ROLE_NAME,
  rejectionOf,
  scannerRole,
  startTestSandbox,
  targetFor,
} from "./fixtures";

const MINUTE = 60_000;
let clock: number;
let sandbox: Sandbox;
let broker: CredentialBroker;

beforeEach(async () => {
  clock = Date.UTC(2026, 5, 1, 12, 0, 0);
  sandbox = await startTestSandbox({ now: () => clock });
  broker = brokerFor(sandbox, { now: () => clock });
});
afterEach(async () => {
  broker.destroy();
  await sandbox.stop();
});

describe("refresh", () => {
  it("reuses the session until five minutes before expiry, then assumes the role again", async () => {
    const target = targetFor(ACME);
    const first = await broker.getCredentials(target);
    expect(first.expiration.getTime()).toBe(clock + 60 * MINUTE);

    clock += 54 * MINUTE + 59_000; // 5 min 1 s left: still fresh
    expect((await broker.getCredentials(target)).accessKeyId).toBe(first.accessKeyId);
    expect(assumeRoleCalls(sandbox)).toBe(1);

    clock += 1_000; // exactly 5 min left: refresh
    const second = await broker.getCredentials(target);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.expiration.getTime()).toBe(clock + 60 * MINUTE);
    expect(assumeRoleCalls(sandbox)).toBe(2);
  });

  it("honours a custom refresh margin", async () => {
    const early = brokerFor(sandbox, { now: () => clock, refreshMarginMs: 30 * MINUTE });
    const target = targetFor(ACME);
    await early.getCredentials(target);
    clock += 31 * MINUTE;
    await early.getCredentials(target);
    expect(early.stats().stsCalls).toBe(2);
    early.destroy();
  });

  it("forceRefresh calls STS even when the cache is warm, and caches the new session", async () => {
    const target = targetFor(ACME);
    const first = await broker.getCredentials(target);
    const forced = await broker.getCredentials(target, { forceRefresh: true });
    expect(forced.accessKeyId).not.toBe(first.accessKeyId);
    expect((await broker.getCredentials(target)).accessKeyId).toBe(forced.accessKeyId);
    expect(assumeRoleCalls(sandbox)).toBe(2);
  });
});

describe("invalidate", () => {
  it("drops one account's session so the next call assumes the role again", async () => {
    const target = targetFor(ACME);
    const first = await broker.getCredentials(target);
    broker.invalidate(ACME.clientId, ACME.accountId);
    expect(broker.stats().cacheSize).toBe(0);
    expect((await broker.getCredentials(target)).accessKeyId).not.toBe(first.accessKeyId);
    expect(assumeRoleCalls(sandbox)).toBe(2);
  });

  it("drops every account of a client and leaves other clients cached", async () => {
    await broker.getCredentials(targetFor(ACME));
    await broker.getCredentials(
      targetFor(ACME, {
        accountId: GLOBEX.accountId,
        roleArn: targetFor(GLOBEX).roleArn,
        externalId: GLOBEX.externalId,
      }),
    );
    await broker.getCredentials(targetFor(GLOBEX));
    expect(broker.stats().cacheSize).toBe(3);

    broker.invalidate(ACME.clientId);
    expect(broker.stats().cacheSize).toBe(1);
    await broker.getCredentials(targetFor(GLOBEX));
    expect(assumeRoleCalls(sandbox)).toBe(3);
  });

  it("wins over a flight that lands after it (offboarding during a cold call)", async () => {
    sandbox.setFaults({ operation_latency_ms: { "sts:AssumeRole": 50 } });
    const pending = broker.getCredentials(targetFor(ACME));
    broker.invalidate(ACME.clientId);
    await pending;
    expect(broker.stats().cacheSize).toBe(0);
  });
});

describe("failures", () => {
  it("does not cache a failed flight: the next call retries STS and succeeds", async () => {
    sandbox.deleteRole(ACME.accountId, ROLE_NAME);
    const target = targetFor(ACME);
    const failures = await Promise.all([1, 2, 3].map(() => rejectionOf(broker.getCredentials(target))));
    for (const failure of failures) expect(failure).toBeInstanceOf(AssumeRoleError);
    expect(assumeRoleCalls(sandbox)).toBe(1); // the three cold callers shared the failed flight
    expect(broker.stats()).toMatchObject({ cacheSize: 0, inFlight: 0 });

    sandbox.putRole(ACME.accountId, scannerRole(ACME.externalId));
    const credentials = await broker.getCredentials(target);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(assumeRoleCalls(sandbox)).toBe(2);
  });

  it("refuses a role ARN in another account than the target's, without calling STS", async () => {
    const target = targetFor(ACME, { roleArn: targetFor(GLOBEX).roleArn });
    const error = await rejectionOf(broker.getCredentials(target));
    expect((error as AssumeRoleError).code).toBe("INVALID_ROLE");
    expect(assumeRoleCalls(sandbox)).toBe(0);
  });

  it("starts a new session when the role ARN under the same key changes", async () => {
    const first = await broker.getCredentials(targetFor(ACME));
    const narrowArn = `arn:aws:iam::${ACME.accountId}:role/TagComplianceNarrow`;
    const other = await broker.getCredentials(targetFor(ACME, { roleArn: narrowArn }));
    expect(other.accessKeyId).not.toBe(first.accessKeyId);
    expect(sandbox.world.identityFor(other.accessKeyId)?.session?.roleName).toBe("TagComplianceNarrow");
  });

  it("rejects a session duration above one hour at construction", () => {
    expect(() => brokerFor(sandbox, { durationSeconds: 7200 })).toThrow(RangeError);
    expect(() => brokerFor(sandbox, { durationSeconds: 600 })).toThrow(RangeError);
  });
});
