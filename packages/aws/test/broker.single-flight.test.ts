// One AssumeRole per (client, account) however many callers arrive cold at the same moment.
import type { Sandbox } from "@tagc/aws-sandbox";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ACME, assumeRoleCalls, brokerFor, GLOBEX, startTestSandbox, targetFor } from "./fixtures";

let sandbox: Sandbox;
beforeEach(async () => {
  // Latency keeps the flight open long enough for every caller to arrive while it is in the air.
  sandbox = await startTestSandbox();
  sandbox.setFaults({ operation_latency_ms: { "sts:AssumeRole": 50 } });
});
afterEach(() => sandbox.stop());

it("shares one STS call between 100 concurrent cold requests of one client", async () => {
  const broker = brokerFor(sandbox);
  const target = targetFor(ACME);
  const results = await Promise.all(Array.from({ length: 100 }, () => broker.getCredentials(target)));

  expect(assumeRoleCalls(sandbox)).toBe(1);
  expect(broker.stats()).toEqual({ cacheSize: 1, inFlight: 0, stsCalls: 1 });
  expect(new Set(results.map((c) => c.accessKeyId)).size).toBe(1);
  broker.destroy();
});

it("makes exactly one STS call per client for 10 clients", async () => {
  const broker = brokerFor(sandbox);
  const targets = Array.from({ length: 10 }, (_, i) =>
    targetFor(i % 2 ? GLOBEX : ACME, { clientId: `cli_tenant${i}` }),
  );
  const results = await Promise.all(
    targets.flatMap((target) => Array.from({ length: 10 }, () => broker.getCredentials(target))),
  );

  expect(assumeRoleCalls(sandbox)).toBe(10);
  expect(broker.stats().cacheSize).toBe(10);
  // Ten distinct sessions, one per client, each reused by that client's ten callers.
  expect(new Set(results.map((c) => c.accessKeyId)).size).toBe(10);
  const perCaller = sandbox.counters().by_caller["arn:aws:iam::111111111111:role/tagc-scanner-test"];
  expect(perCaller?.["sts:AssumeRole"]).toBe(10);
  broker.destroy();
});
