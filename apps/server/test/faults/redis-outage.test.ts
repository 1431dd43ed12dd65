// Redis killed under load for 10 s (issue 13, "Must be true"): a private redis-server the suite starts,
// kills and restarts on its own port, under the real MCP server and the SDK's client, with warm calls
// from two tenants. The circuit opens once, every call is answered during the outage (throughput
// against the baseline is printed, never asserted: wall-clock rates on a shared machine are noise), every guardrail (loop detector, session budget, per-key rate limit) still refuses what it
// should, no call fails and no tenant sees the other's data; Redis back on the same port, the circuit
// closes by itself and the counters are shared through Redis again. Prints the figures.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { type BreakerChange, SessionBudget } from "@tagc/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, type McpTenant, ok, startMcpHarness } from "../mcp/harness";
import { ACME, GLOBEX } from "../mcp/seed";
import { type PrivateRedis, startPrivateRedis } from "./private-redis";

const BUDGET = 30;
const KEY_LIMIT = 50;
/** Load callers take a new key and session this often, staying under both limits above. */
const ROTATE = 20;
const OUTAGE_MS = 10_000;
const unlimited = { limit: 1_000_000, windowMs: 60_000 };

let redis: PrivateRedis;
let h: McpHarness;
const changes: BreakerChange[] = [];
let seq = 0;
/** Distinct arguments every call, so load is never a loop; the scan behind them is warm. */
const nextArgs = () => ({ resource_types: ["all"], min_cost_threshold: 1_000 + seq++ });

beforeAll(async () => {
  redis = await startPrivateRedis();
  h = await startMcpHarness({
    redisUrl: redis.url,
    limits: { apiKey: { limit: KEY_LIMIT, windowMs: 60_000 }, client: unlimited, awsRegion: unlimited },
    budget: new SessionBudget({ calls: BUDGET }),
  });
  await until(() => h.breaker.state === "closed");
  h.breaker.onChange((change) => changes.push(change));
}, 120_000);
afterAll(async () => {
  await h?.close();
  await redis?.kill();
});

async function until(condition: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!condition()) throw new Error("condition not met in time");
}

/** A caller on a fresh key and session. */
async function session(tenant: McpTenant): Promise<Client> {
  const key = await h.issueKey(tenant);
  return h.connect(key.secret);
}

interface Window {
  ok: number;
  failed: string[];
  seconds: number;
  cpuSeconds: number;
  perSecond: number;
}

/** Two callers per tenant, back to back, for `ms`: warm calls completed per second. */
async function load(ms: number): Promise<Window> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const stopAt = started + ms;
  const failed: string[] = [];
  let done = 0;
  const caller = async (tenant: McpTenant, other: string) => {
    let client = await session(tenant);
    let calls = 0;
    while (performance.now() < stopAt) {
      if (calls === ROTATE) {
        await client.close();
        client = await session(tenant);
        calls = 0;
      }
      const result = await h.call(client, "find_untagged_resources", nextArgs());
      calls += 1;
      // Tenant isolation holds during the outage too: the fallback memory is keyed per tenant.
      if (result.isError || JSON.stringify(result).includes(other)) failed.push(JSON.stringify(result));
      else done += 1;
    }
    await client.close();
  };
  await Promise.all([
    caller(h.acme, GLOBEX),
    caller(h.acme, GLOBEX),
    caller(h.globex, ACME),
    caller(h.globex, ACME),
  ]);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    ok: done,
    failed,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    perSecond: done / seconds,
  };
}

/** The loop detector, the session budget and the per-key rate limit each refuse the call they must. */
async function expectGuardrailsRefuse() {
  const looping = await session(h.acme);
  const same = { resource_types: ["all"], min_cost_threshold: 7 };
  for (let i = 0; i < 3; i++) ok(await h.call(looping, "find_untagged_resources", same));
  expect(errorText(await h.call(looping, "find_untagged_resources", same))).toMatch(
    /called 4 times with the same arguments/,
  );

  const spending = await session(h.globex);
  for (let i = 0; i < BUDGET; i++) ok(await h.call(spending, "find_untagged_resources", nextArgs()));
  expect(errorText(await h.call(spending, "find_untagged_resources", nextArgs()))).toMatch(
    new RegExp(`used its budget of ${BUDGET} tool calls`),
  );

  // One key, several sessions (each under the budget): the key's limit is what refuses.
  const key = await h.issueKey(h.acme);
  let used = 0;
  while (used < KEY_LIMIT) {
    const client = await h.connect(key.secret);
    const calls = Math.min(ROTATE, KEY_LIMIT - used);
    for (let i = 0; i < calls; i++) ok(await h.call(client, "find_untagged_resources", nextArgs()));
    used += calls;
    if (used === KEY_LIMIT) {
      expect(errorText(await h.call(client, "find_untagged_resources", nextArgs()))).toMatch(
        new RegExp(`Rate limit reached: .*at most ${KEY_LIMIT} per 60 seconds`),
      );
    }
    await client.close();
  }
}

const figures = (label: string, w: Window) =>
  `${label}: ${w.ok} calls in ${w.seconds.toFixed(1)} s = ${w.perSecond.toFixed(0)} calls/s ` +
  `(CPU ${w.cpuSeconds.toFixed(1)} s), ${w.failed.length} failed`;

describe("Redis killed for 10 s under load", () => {
  it("answers every call through the outage, every guardrail refusing, and recovers by itself", async () => {
    // Warm: each tenant's scan and spend are cached before the baseline.
    for (const tenant of [h.acme, h.globex]) {
      const client = await session(tenant);
      ok(await h.call(client, "find_untagged_resources", nextArgs()));
      await client.close();
    }
    // Not measured: the JIT, the pools and the memos warm up, so the baseline is not flattered low.
    await load(2_000);
    const baseline = await load(4_000);

    const killedAt = performance.now();
    await redis.kill();
    await until(() => h.breaker.state === "open", 2_000);
    const openedMs = performance.now() - killedAt;
    const outage = await load(6_000);
    await expectGuardrailsRefuse();
    expect(h.breaker.state).not.toBe("closed");
    const downFor = performance.now() - killedAt;
    if (downFor < OUTAGE_MS) await new Promise((r) => setTimeout(r, OUTAGE_MS - downFor));

    const restartedAt = performance.now();
    await redis.start();
    await until(() => h.breaker.state === "closed", 5_000);
    const closedMs = performance.now() - restartedAt;
    const recovered = await load(4_000);
    await expectGuardrailsRefuse();

    console.log(
      [
        "Redis outage (private redis-server killed with SIGKILL, 4 callers over 2 tenants, warm calls):",
        figures("  baseline      ", baseline),
        figures("  Redis down    ", outage),
        figures("  Redis back    ", recovered),
        `  outage/baseline ${(outage.perSecond / baseline.perSecond).toFixed(2)}, recovered/baseline ${(recovered.perSecond / baseline.perSecond).toFixed(2)}`,
        `  circuit open ${openedMs.toFixed(0)} ms after the kill, closed ${closedMs.toFixed(0)} ms after the restart; changes: ${changes.map((c) => c.state).join(" → ")}`,
      ].join("\n"),
    );

    expect([...baseline.failed, ...outage.failed, ...recovered.failed]).toEqual([]);
    // Calls kept coming through in each phase: the outage did not stall the callers on Redis.
    for (const phase of [baseline, outage, recovered]) expect(phase.ok).toBeGreaterThan(0);
    // Logged once per change: one open for the whole outage, one close when Redis is back.
    expect(changes.map((c) => c.state)).toEqual(["open", "closed"]);
    // The counters live in Redis again (it came back empty): replicas share the limits once more.
    expect(await h.redis.dbsize()).toBeGreaterThan(0);
  }, 120_000);
});
