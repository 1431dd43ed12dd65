// A Redis outage degrades answers and never fails them: the circuit opens once, every operation then
// answers from this process's memory within milliseconds (the cache, the rate limiters, the loop
// detector and the session budget keep working per replica), and it closes by itself when Redis is back.

import { freePort } from "@tagc/testkit";
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { type BreakerChange, CircuitBreaker } from "../../src/cache/breaker";
import { createRedisClient } from "../../src/cache/redis-client";
import { RedisCacheStore } from "../../src/cache/redis-store";
import { tenantCache } from "../../src/cache/tenant-cache";
import { checkGuardrails } from "../../src/guardrails/check";
import { createGuardrailLimiters } from "../../src/guardrails/limiters";
import { LoopDetector } from "../../src/guardrails/loop-detector";
import { RedisRateLimiter } from "../../src/guardrails/redis-rate-limiter";
import { SessionBudget } from "../../src/guardrails/session-budget";
import { REDIS_URL, random, sleep } from "./fixtures";
import { startBlackHole, startTcpProxy, type TcpProxy } from "./tcp-proxy";

const clients: Redis[] = [];
let proxy: TcpProxy | undefined;
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await proxy?.close();
  proxy = undefined;
});

/** A client pointed at a port nobody listens on, as a dead Redis looks, and its breaker. */
async function deadRedis() {
  const redis = createRedisClient(`redis://127.0.0.1:${await freePort()}`, {
    connectTimeoutMs: 200,
    maxReconnectDelayMs: 100,
  });
  clients.push(redis);
  const changes: BreakerChange[] = [];
  const breaker = new CircuitBreaker().watch(redis);
  breaker.onChange((change) => changes.push(change));
  return { redis, breaker, changes };
}

async function until(condition: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(20);
  expect(condition()).toBe(true);
}

describe("RedisCacheStore with Redis down", () => {
  it("answers from memory at once: writes are kept, counters count, nothing throws", async () => {
    const { redis, breaker } = await deadRedis();
    const store = new RedisCacheStore({ redis, breaker });
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      expect(await store.set(`k${i}`, `v${i}`, 60)).toBe(true);
      expect(await store.get(`k${i}`)).toBe(`v${i}`);
    }
    expect(await store.incr("n", 60)).toBe(1);
    expect(await store.incr("n", 60)).toBe(2);
    expect(await store.del("k0")).toBe(false);
    expect(await store.get("k0")).toBeNull();
    expect(await store.delByPrefix("k1")).toBeNull();
    expect(await store.get("k1")).toBeNull();
    expect(await store.ping()).toBe(false);
    // 400 operations without a single wait on Redis: no per-operation timeout is paid.
    expect(performance.now() - started).toBeLessThan(200);
    expect(store.degraded).toBe(true);
    expect(breaker.state).not.toBe("closed");
  });

  it("keeps a tenant cache answering: getOrCompute computes once, then hits this replica's memory", async () => {
    const { redis, breaker } = await deadRedis();
    const cache = tenantCache(new RedisCacheStore({ redis, breaker }), "cli_down");
    let runs = 0;
    const compute = async () => {
      runs += 1;
      return ["eu-west-1"];
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.getOrCompute("r", 60, compute)));
    expect(results).toEqual(Array.from({ length: 10 }, () => ["eu-west-1"]));
    expect(await cache.getOrCompute("r", 60, compute)).toEqual(["eu-west-1"]);
    expect(runs).toBe(1);
    expect(cache.degraded).toBe(true);
  });

  it("every guardrail still refuses what it should: rate limit, loop detector, session budget", async () => {
    const { redis, breaker } = await deadRedis();
    const store = new RedisCacheStore({ redis, breaker });
    const limiters = createGuardrailLimiters({
      redis,
      breaker,
      limits: { apiKey: { limit: 5, windowMs: 60_000 } },
    });
    const call = (keyId: string, args: unknown, budget = new SessionBudget()) =>
      checkGuardrails({
        store,
        limiters,
        budget,
        loop: new LoopDetector(),
        clientId: "cli_down",
        keyId,
        sessionId: `sess_${keyId}`,
        tool: "t",
        args,
      });

    // Loop detector: the 4th identical call in one session is refused.
    for (let i = 0; i < 3; i++) expect((await call("key_loop", { same: true })).ok).toBe(true);
    const loop = await call("key_loop", { same: true });
    expect(loop.ok === false && loop.code).toBe("LOOP_DETECTED");

    // Session budget: 3 calls, then refused.
    const budget = new SessionBudget({ calls: 3 });
    for (let i = 0; i < 3; i++) expect((await call("key_budget", { i }, budget)).ok).toBe(true);
    const over = await call("key_budget", { i: 99 }, budget);
    expect(over.ok === false && over.code).toBe("SESSION_BUDGET");

    // Per-key rate limit: 5 a minute, the 6th refused.
    for (let i = 0; i < 5; i++) expect((await call("key_rate", { i })).ok).toBe(true);
    const limited = await call("key_rate", { i: 5 });
    expect(limited.ok === false && limited.code).toBe("RATE_LIMITED");
  });
});

describe("a Redis that accepts connections and never answers", () => {
  it("costs one timeout per command until the threshold, then answers from memory at once", async () => {
    const hole = await startBlackHole();
    try {
      const redis = createRedisClient(`redis://127.0.0.1:${hole.port}`, { connectTimeoutMs: 200 });
      clients.push(redis);
      // The socket connects but the ready check never answers: treat it as connected for the test.
      const breaker = new CircuitBreaker({ failureThreshold: 3 });
      const changes: BreakerChange[] = [];
      breaker.onChange((c) => changes.push(c));
      await until(() => redis.status === "connect" || redis.status === "ready");
      Object.defineProperty(redis, "status", { value: "ready" });
      const store = new RedisCacheStore({ redis, breaker, timeoutMs: 150 });
      const limiter = new RedisRateLimiter({ redis, breaker, limit: 1, windowMs: 60_000, timeoutMs: 150 });

      let started = performance.now();
      for (let i = 0; i < 3; i++) expect(await store.get("k")).toBeNull();
      expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 140);
      expect(breaker.state).toBe("open");

      started = performance.now();
      const misses = await Promise.all(Array.from({ length: 50 }, (_, i) => store.get(`k${i}`)));
      expect(misses.every((m) => m === null)).toBe(true);
      expect((await limiter.consume("k")).allowed).toBe(true);
      expect((await limiter.consume("k")).allowed).toBe(false);
      expect(performance.now() - started).toBeLessThan(50);
      expect(limiter.degraded).toBe(true);
      expect(changes).toEqual([{ state: "open", previous: "closed", error: "no answer within 150 ms" }]);
    } finally {
      await hole.close();
    }
  });
});

describe("RedisCacheStore through an outage and back", () => {
  it("opens when the connection drops, closes by itself when Redis returns, and forgets the outage memory", async () => {
    const target = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const redis = createRedisClient(`redis://127.0.0.1:${proxy.port}`, {
      connectTimeoutMs: 200,
      maxReconnectDelayMs: 50,
    });
    clients.push(redis);
    const breaker = new CircuitBreaker({ resetMs: 100 }).watch(redis);
    const changes: BreakerChange[] = [];
    breaker.onChange((c) => changes.push(c));
    const store = new RedisCacheStore({ redis, breaker });
    const key = `test:${random()}:outage`;
    await until(() => breaker.state === "closed");
    // The start-up change (connecting → ready) is not part of the outage.
    changes.length = 0;

    expect(await store.set(key, "before", 60)).toBe(true);
    expect(await store.get(key)).toBe("before");

    await proxy.cut();
    await until(() => breaker.state !== "closed");
    // This replica's memory answers during the outage.
    expect(await store.set(key, "during", 60)).toBe(true);
    expect(await store.get(key)).toBe("during");
    expect(store.degraded).toBe(true);

    await proxy.restore();
    await until(() => breaker.state === "closed");
    // Redis is the truth again: the value from before, not the outage memory.
    expect(await store.get(key)).toBe("before");
    expect(store.degraded).toBe(false);
    expect(changes[0]).toMatchObject({ state: "open", previous: "closed" });
    expect(changes.at(-1)).toMatchObject({ state: "closed" });
    expect(changes.filter((c) => c.state === "closed")).toHaveLength(1);
    await store.del(key);
  });
});
