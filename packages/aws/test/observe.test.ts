// Every AWS call reaches the observer once, after the SDK's retries, named by service and operation
// with a closed outcome; calls made without an observer are untouched. Against the sandbox over HTTP.
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AwsCall, CredentialBroker, callLogger, listEnabledRegions } from "../src";
import { ACME, configFor, GLOBEX, rejectionOf, roleArn, startTestSandbox, targetFor } from "./fixtures";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.setFaults({}));

function observed() {
  const calls: AwsCall[] = [];
  const config = configFor(sandbox, undefined, { onCall: (call) => calls.push(call) });
  return { calls, config };
}

describe("AWS call observer", () => {
  it("reports an AssumeRole and a tenant read as ok, once each", async () => {
    const { calls, config } = observed();
    const broker = new CredentialBroker({ config });
    await broker.getCredentials(targetFor(ACME));
    await listEnabledRegions({ config, credentials: broker.providerFor(targetFor(ACME)) });
    broker.destroy();
    expect(calls).toEqual([
      { service: "STS", operation: "AssumeRole", outcome: "ok" },
      { service: "EC2", operation: "DescribeRegions", outcome: "ok" },
    ]);
  });

  it("names a refused AssumeRole access_denied, and one throttled past its retries throttled", async () => {
    const { calls, config } = observed();
    const broker = new CredentialBroker({ config });
    await rejectionOf(broker.getCredentials(targetFor(ACME, { roleArn: roleArn(ACME.accountId, "Gone") })));
    sandbox.setFaults({ throttle: { next: 10, operations: ["sts:AssumeRole"] } });
    await rejectionOf(broker.getCredentials(targetFor(GLOBEX)));
    broker.destroy();
    expect(calls).toEqual([
      { service: "STS", operation: "AssumeRole", outcome: "access_denied" },
      // configFor allows the SDK two attempts: still one call reported.
      { service: "STS", operation: "AssumeRole", outcome: "throttled" },
    ]);
    expect(sandbox.counters().throttled["sts:AssumeRole"]).toBe(2);
  });

  it("carries nothing but names and the outcome: no ARN, External ID or key", async () => {
    const { calls, config } = observed();
    const broker = new CredentialBroker({ config });
    await broker.getCredentials(targetFor(GLOBEX));
    broker.destroy();
    const text = JSON.stringify(calls);
    for (const secret of [GLOBEX.externalId, GLOBEX.accountId, GLOBEX.clientId, "AKIA"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("ignores the SDK's other log lines and survives an observer that throws", () => {
    const seen: AwsCall[] = [];
    const logger = callLogger((call) => {
      seen.push(call);
      throw new Error("broken observer");
    });
    logger.debug("credential chain: trying env");
    logger.warn({ message: "no commandName here" });
    expect(() => logger.info({ clientName: "S3Client", commandName: "ListBucketsCommand" })).not.toThrow();
    logger.error({ clientName: "S3Client", commandName: "ListBucketsCommand", error: { name: "SlowDown" } });
    expect(seen).toEqual([
      { service: "S3", operation: "ListBuckets", outcome: "ok" },
      { service: "S3", operation: "ListBuckets", outcome: "throttled" },
    ]);
  });
});
