// The deadline: past it, the scan stops, returns what it has and names what it did not finish.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { targetFor } from "../fixtures";
import { ACME, credentialsOf, discover, startWorld, type World } from "./fixtures";

const SLOW_MS = 5_000;

let world: World;
beforeAll(async () => {
  world = await startWorld();
  // The session is cached first, so only the scan's own calls are slow.
  await credentialsOf(world, ACME)();
  expect(targetFor(ACME).accountId).toBe(ACME.accountId);
});
afterAll(() => world.stop());
afterEach(() => world.sandbox.setFaults({}));

it("returns partial TIMEOUT quickly when every call is slower than the deadline", async () => {
  world.sandbox.setFaults({ latency_ms: SLOW_MS });
  const started = performance.now();
  const result = await discover(world, ACME, { deadlineMs: 300 });
  const elapsed = performance.now() - started;
  // It did not wait for the calls (4 s each, pages in sequence) to come back.
  expect(elapsed).toBeLessThan(SLOW_MS / 2);
  expect(result.resources).toEqual([]);
  expect(result.data_quality.status).toBe("partial");
  expect(result.data_quality.issues.every((i) => i.code === "TIMEOUT")).toBe(true);
  expect(result.data_quality.issues.filter((i) => i.scope === "region").map((i) => i.region)).toEqual([
    "us-east-1",
    "eu-west-1",
  ]);
  expect(result.data_quality.issues).toContainEqual(
    expect.objectContaining({ scope: "resource_type", resource_type: "lambda:function", code: "TIMEOUT" }),
  );
  expect(result.data_quality.note).toMatch(/not present these numbers as account-wide/);
});

it("keeps what finished before the deadline and names the rest", async () => {
  // Only the Tagging API is slow: the listers finish, the walks cannot.
  world.sandbox.setFaults({ operation_latency_ms: { "tag:GetResources": SLOW_MS } });
  const result = await discover(world, ACME, { deadlineMs: 2_500 });
  const ids = result.resources.map((r) => r.id);
  expect(ids).toEqual(expect.arrayContaining(["i-0a00000000000001", "i-0a00000000000002", "acme-aurora"]));
  // Tagging-only types and the listers that wait on the walk are missing, and said to be.
  expect(ids).not.toContain("acme-stream");
  expect(ids).not.toContain("acme-fn-tagged");
  const issues = result.data_quality.issues;
  expect(issues.filter((i) => i.scope === "region")).toEqual([
    expect.objectContaining({ region: "us-east-1", code: "TIMEOUT" }),
    expect.objectContaining({ region: "eu-west-1", code: "TIMEOUT" }),
  ]);
  expect(issues).toContainEqual(
    expect.objectContaining({ scope: "resource_type", resource_type: "lambda:function", code: "TIMEOUT" }),
  );
  expect(issues).toContainEqual(
    expect.objectContaining({ scope: "resource_type", resource_type: "s3:bucket", code: "TIMEOUT" }),
  );
  expect(issues.some((i) => i.resource_type === "ec2:instance")).toBe(false);
});
