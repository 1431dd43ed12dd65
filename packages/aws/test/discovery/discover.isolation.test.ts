// Two tenants scanned at the same time through the same broker: each scan holds only its own
// account's resources.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACME, ACME_RESOURCES, arnsOf, discover, GLOBEX, startWorld, type World } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.stop());

it("never returns one account's resources in another account's scan", async () => {
  const [acme, globex] = await Promise.all([discover(world, ACME), discover(world, GLOBEX)]);
  expect(globex.data_quality.status).toBe("complete");
  expect(arnsOf(globex.resources).sort()).toEqual([
    `arn:aws:ec2:us-east-1:${GLOBEX.accountId}:instance/i-0b00000000000001`,
    `arn:aws:ec2:us-east-1:${GLOBEX.accountId}:instance/i-0b00000000000002`,
    `arn:aws:kinesis:us-east-1:${GLOBEX.accountId}:stream/globex-stream`,
    `arn:aws:lambda:us-east-1:${GLOBEX.accountId}:function:globex-fn`,
    "arn:aws:s3:::globex-data",
  ]);
  expect(globex.resources.every((r) => r.account_id === GLOBEX.accountId)).toBe(true);

  const acmeArns = new Set(arnsOf(acme.resources));
  expect(acmeArns.size).toBeGreaterThan(10);
  expect(arnsOf(globex.resources).filter((arn) => acmeArns.has(arn))).toEqual([]);
  const serialized = JSON.stringify(globex);
  expect(serialized).not.toContain(ACME.accountId);
  for (const { id } of ACME_RESOURCES) expect(serialized).not.toContain(id);
  expect(acme.resources.every((r) => r.account_id === ACME.accountId)).toBe(true);
  expect(JSON.stringify(acme)).not.toContain(GLOBEX.accountId);
});

it("scans with the tenant's own session only", async () => {
  world.sandbox.resetCounters();
  await discover(world, GLOBEX);
  const callers = Object.keys(world.sandbox.counters().by_caller);
  // The control plane assumes the role; every read is made by globex's role, none by acme's.
  expect(callers.filter((c) => c.includes(ACME.accountId))).toEqual([]);
  expect(callers).toContain(`arn:aws:iam::${GLOBEX.accountId}:role/TagComplianceReadOnly`);
});
