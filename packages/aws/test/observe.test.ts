// Every AWS call reaches the observer once, after the SDK's retries, named by service and operation
// with a closed outcome; calls made without an observer are untouched. Against the sandbox over HTTP.

import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AwsCall, CredentialBroker, createSdkClient, listEnabledRegions, sdkClientConfig } from "../src";
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

  it("survives an observer that throws: the call still answers, and is still reported", async () => {
    const seen: AwsCall[] = [];
    const config = configFor(sandbox, undefined, {
      onCall: (call) => {
        seen.push(call);
        throw new Error("broken observer");
      },
    });
    const broker = new CredentialBroker({ config });
    const regions = await listEnabledRegions({ config, credentials: broker.providerFor(targetFor(ACME)) });
    broker.destroy();
    expect(regions.length).toBeGreaterThan(0);
    expect(seen).toEqual([
      { service: "STS", operation: "AssumeRole", outcome: "ok" },
      { service: "EC2", operation: "DescribeRegions", outcome: "ok" },
    ]);
  });

  it("takes the SDK logger middleware's place, so a response is never copied for a log line", async () => {
    const { config } = observed();
    const broker = new CredentialBroker({ config });
    const credentials = broker.providerFor(targetFor(ACME));
    const clients = {
      observed: createSdkClient(EC2Client, config, "us-east-1", credentials),
      plain: createSdkClient(EC2Client, { ...config, onCall: undefined }, "us-east-1", credentials),
      // The control: a client as the SDK builds it, its logger middleware in place.
      sdk: new EC2Client(sdkClientConfig(config, "us-east-1", credentials)),
    };
    const loggers = (client: EC2Client) =>
      client.middlewareStack.identify().filter((entry) => entry.startsWith("loggerMiddleware"));
    expect(loggers(clients.observed)).toHaveLength(1);
    expect(loggers(clients.plain)).toEqual([]);
    expect(loggers(clients.sdk)).toHaveLength(1);
    // Counts the calls of the output filter the SDK's logger middleware runs on every response.
    const filtered = { observed: 0, plain: 0, sdk: 0 };
    for (const [name, client] of Object.entries(clients) as [keyof typeof clients, EC2Client][]) {
      client.middlewareStack.add(
        (next, context) => (args) => {
          const filter = context.outputFilterSensitiveLog;
          context.outputFilterSensitiveLog = (output: unknown) => {
            filtered[name] += 1;
            return filter?.(output);
          };
          return next(args);
        },
        { step: "initialize", priority: "high", name: "countOutputFilter" },
      );
      await client.send(new DescribeRegionsCommand({}));
      client.destroy();
    }
    broker.destroy();
    expect(filtered).toEqual({ observed: 0, plain: 0, sdk: 1 });
  });
});
