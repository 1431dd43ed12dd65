// Fixed-window rate limiting, run against the in-memory limiter (injected clock) and Redis (real TTLs,
// kept short).
import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "../../src/guardrails/memory-rate-limiter";
import type { RateLimiter, RateLimitPolicy } from "../../src/guardrails/rate-limiter";
import { RedisRateLimiter } from "../../src/guardrails/redis-rate-limiter";
import { STORE_KINDS, type StoreFixture, useStore } from "./fixtures";

function limiterFor(fixture: StoreFixture, policy: RateLimitPolicy): RateLimiter {
  if (fixture.kind === "memory") return new MemoryRateLimiter({ ...policy, now: fixture.clock.nowMs });
  return new RedisRateLimiter({ ...policy, redis: fixture.redis, prefix: `${fixture.ns}rl:` });
}

describe.each(STORE_KINDS)("RateLimiter on %s", (kind) => {
  const fixture = useStore(kind);

  it("allows `limit` requests in a window, counting down, then refuses with a retry time", async () => {
    const limiter = limiterFor(fixture(), { limit: 3, windowMs: 10_000 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume("key:key_a"));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    const refused = results[3]!;
    expect(refused.limit).toBe(3);
    expect(refused.retryAfterMs).toBeGreaterThan(9_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(refused.retryAfterMs).toBe(refused.resetMs);
    expect(results[0]!.retryAfterMs).toBe(0);
  });

  it("counts a request's cost", async () => {
    const limiter = limiterFor(fixture(), { limit: 5, windowMs: 10_000 });
    expect(await limiter.consume("k", 3)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await limiter.consume("k", 3)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("keeps keys apart", async () => {
    const limiter = limiterFor(fixture(), { limit: 1, windowMs: 10_000 });
    expect((await limiter.consume("key:key_a")).allowed).toBe(true);
    expect((await limiter.consume("key:key_a")).allowed).toBe(false);
    expect((await limiter.consume("key:key_b")).allowed).toBe(true);
  });

  it("opens a new window once the old one has closed", async () => {
    const f = fixture();
    const limiter = limiterFor(f, { limit: 2, windowMs: 300 });
    await limiter.consume("k");
    await limiter.consume("k");
    expect((await limiter.consume("k")).allowed).toBe(false);
    await f.elapse(150);
    expect((await limiter.consume("k")).allowed).toBe(false);
    await f.elapse(250);
    expect(await limiter.consume("k")).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("rejects a cost or policy that is not a positive integer", async () => {
    const limiter = limiterFor(fixture(), { limit: 2, windowMs: 1_000 });
    await expect(limiter.consume("k", 0)).rejects.toThrow(RangeError);
    await expect(limiter.consume("k", 1.5)).rejects.toThrow(RangeError);
    expect(() => limiterFor(fixture(), { limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    expect(() => limiterFor(fixture(), { limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("RedisRateLimiter", () => {
  const fixture = useStore("redis");

  it("shares one window between limiter instances (replicas) and keeps it under its prefix", async () => {
    const { redis, ns } = fixture();
    const prefix = `${ns}rl:`;
    const replicaA = new RedisRateLimiter({ redis, prefix, limit: 2, windowMs: 5_000 });
    const replicaB = new RedisRateLimiter({ redis, prefix, limit: 2, windowMs: 5_000 });
    expect((await replicaA.consume("client:cli_x")).allowed).toBe(true);
    expect((await replicaB.consume("client:cli_x")).allowed).toBe(true);
    expect((await replicaA.consume("client:cli_x")).allowed).toBe(false);
    const ttl = await redis.pttl(`${prefix}client:cli_x`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);
  });
});

describe("MemoryRateLimiter", () => {
  it("keeps at most maxKeys windows, dropping the oldest", async () => {
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    await limiter.consume("a");
    await limiter.consume("b");
    await limiter.consume("c");
    // `a` was dropped, so it starts a new window; `c` is still full.
    expect((await limiter.consume("a")).allowed).toBe(true);
    expect((await limiter.consume("c")).allowed).toBe(false);
  });
});
