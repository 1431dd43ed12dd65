// A Redis outage degrades answers and never fails them: reads miss, writes are skipped, counters
// fail open (the limiters fall back to this process's memory), and the store reports it.
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRedisClient } from "../../src/cache/redis-client";
import { RedisCacheStore } from "../../src/cache/redis-store";
import type { CacheHealth } from "../../src/cache/store";
import { tenantCache } from "../../src/cache/tenant-cache";
import { checkGuardrails } from "../../src/guardrails/check";
import { createGuardrailLimiters } from "../../src/guardrails/limiters";
import { LoopDetector } from "../../src/guardrails/loop-detector";
import { RedisRateLimiter } from "../../src/guardrails/redis-rate-limiter";
import { SessionBudget } from "../../src/guardrails/session-budget";
import { REDIS_URL, random, sleep } from "./fixtures";
import { closedPort, startBlackHole, startTcpProxy, type TcpProxy } from "./tcp-proxy";

const clients: Redis[] = [];
let proxy: TcpProxy | undefined;
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await proxy?.close();
  proxy = undefined;
});

/** A client pointed at a port nobody listens on, with short timeouts, as a dead Redis looks. */
async function deadRedis(): Promise<Redis> {
  const client = createRedisClient(`redis://127.0.0.1:${await closedPort()}`, {
    connectTimeoutMs: 200,
    maxReconnectDelayMs: 100,
  });
  clients.push(client);
  return client;
}

describe("RedisCacheStore with Redis down", () => {
  it("misses reads, skips writes, fails counters to null, and never throws", async () => {
    const health: CacheHealth[] = [];
    const store = new RedisCacheStore({
      redis: await deadRedis(),
      timeoutMs: 300,
      // Every command goes to the dead Redis (no breaker), so each one's failure path is exercised.
      breakMs: 0,
      onHealthChange: (h) => health.push(h),
    });
    const started = Date.now();
    expect(await store.get("k")).toBeNull();
    expect(await store.set("k", "v", 60)).toBe(false);
    expect(await store.del("k")).toBe(false);
    expect(await store.delByPrefix("client:cli_x:")).toBeNull();
    expect(await store.incr("n", 60)).toBeNull();
    expect(await store.ping()).toBe(false);
    // Six operations, each bounded by the store's timeout rather than ioredis's reconnect loop.
    expect(Date.now() - started).toBeLessThan(6 * 300 + 500);
    expect(store.degraded).toBe(true);
    // One report for the whole outage, not one per command.
    expect(health).toHaveLength(1);
    expect(health[0]?.healthy).toBe(false);
  });

  it("keeps a tenant cache answering: getOrCompute computes (once), clear reports failure", async () => {
    const store = new RedisCacheStore({ redis: await deadRedis(), timeoutMs: 200 });
    const cache = tenantCache(store, "cli_down");
    expect(await cache.getJson("policy")).toBeUndefined();
    expect(await cache.setJson("policy", { v: 1 }, 60)).toBe(false);
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        cache.getOrCompute("regions", 60, async () => {
          runs += 1;
          return ["eu-west-1"];
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 10 }, () => ["eu-west-1"]));
    expect(runs).toBe(1);
    expect(await cache.clear()).toBeNull();
    expect(cache.degraded).toBe(true);
  });

  it("lets tool calls through the guardrails, still limited per process by the memory fallback", async () => {
    const redis = await deadRedis();
    const store = new RedisCacheStore({ redis, timeoutMs: 200 });
    const onHealthChange = vi.fn();
    const limiters = createGuardrailLimiters({
      redis,
      limits: { apiKey: { limit: 2, windowMs: 60_000 } },
      onHealthChange,
    });
    const call = (i: number) =>
      checkGuardrails({
        store,
        limiters,
        budget: new SessionBudget(),
        loop: new LoopDetector(),
        clientId: "cli_down",
        keyId: "key_down",
        tool: "t",
        args: { i },
      });
    expect(await call(1)).toEqual({ ok: true, degraded: true });
    expect(await call(2)).toEqual({ ok: true, degraded: true });
    const third = await call(3);
    expect(third.ok).toBe(false);
    expect(third.ok === false && third.code).toBe("RATE_LIMITED");
    expect(onHealthChange).toHaveBeenCalledWith(expect.objectContaining({ healthy: false }));
  });
});

describe("a Redis that accepts connections and never answers", () => {
  it("costs one timeout, then misses at once while the breaker is open", async () => {
    const hole = await startBlackHole();
    try {
      const redis = createRedisClient(`redis://127.0.0.1:${hole.port}`, { connectTimeoutMs: 200 });
      clients.push(redis);
      const store = new RedisCacheStore({ redis, timeoutMs: 200, breakMs: 5_000 });
      const limiter = new RedisRateLimiter({
        redis,
        limit: 1,
        windowMs: 60_000,
        timeoutMs: 200,
        breakMs: 5_000,
      });

      let started = Date.now();
      expect(await store.get("k")).toBeNull();
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      started = Date.now();
      const misses = await Promise.all(Array.from({ length: 50 }, (_, i) => store.get(`k${i}`)));
      const cache = tenantCache(store, "cli_hole");
      expect(await cache.getOrCompute("x", 60, async () => "computed")).toBe("computed");
      expect(Date.now() - started).toBeLessThan(100);
      expect(misses.every((m) => m === null)).toBe(true);

      // The limiter falls back to memory after its first timeout, and then without waiting.
      expect((await limiter.consume("k")).allowed).toBe(true);
      started = Date.now();
      expect((await limiter.consume("k")).allowed).toBe(false);
      expect(Date.now() - started).toBeLessThan(50);
      expect(limiter.degraded).toBe(true);
    } finally {
      await hole.close();
    }
  });
});

describe("RedisCacheStore through an outage and back", () => {
  it("degrades while Redis is unreachable and recovers by itself when it returns", async () => {
    const target = new URL(REDIS_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const redis = createRedisClient(`redis://127.0.0.1:${proxy.port}`, {
      connectTimeoutMs: 200,
      maxReconnectDelayMs: 50,
    });
    clients.push(redis);
    const health: CacheHealth[] = [];
    const store = new RedisCacheStore({
      redis,
      timeoutMs: 300,
      breakMs: 100,
      onHealthChange: (h) => health.push(h),
    });
    const key = `test:${random()}:outage`;

    expect(await store.set(key, "before", 60)).toBe(true);
    expect(await store.get(key)).toBe("before");

    await proxy.cut();
    expect(await store.get(key)).toBeNull();
    expect(await store.set(key, "during", 60)).toBe(false);
    expect(store.degraded).toBe(true);

    await proxy.restore();
    let value: string | null = null;
    for (let attempt = 0; attempt < 40 && value === null; attempt++) {
      value = await store.get(key);
      if (value === null) await sleep(50);
    }
    // The write made during the outage was skipped; the value from before survived in Redis.
    expect(value).toBe("before");
    expect(store.degraded).toBe(false);
    expect(health.map((h) => h.healthy)).toEqual([false, true]);
    await store.del(key);
  });
});
