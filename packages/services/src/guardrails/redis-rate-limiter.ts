import type { Redis } from "ioredis";
import { CircuitBreaker } from "../cache/breaker";
import { withTimeout } from "../cache/timeout";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import {
  assertCost,
  assertPolicy,
  type RateLimiter,
  type RateLimitPolicy,
  type RateLimitResult,
  resultFor,
} from "./rate-limiter";

export interface RedisRateLimiterOptions extends RateLimitPolicy {
  redis: Redis;
  /** Prepended to every key (default "rl:"), e.g. to keep two deployments or test runs apart. */
  prefix?: string;
  /** A command gives up after this long and the fallback answers (default 250 ms). */
  timeoutMs?: number;
  /** The process's breaker for this client, shared with the cache store (one is made when absent). */
  breaker?: CircuitBreaker;
  /** Answers while Redis is down; default a MemoryRateLimiter with the same policy. */
  fallback?: RateLimiter;
}

// INCRBY, then on a new window PEXPIRE: the window's clock is Redis's, shared by every replica.
const CONSUME = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}`;

/**
 * Fixed windows shared by every replica. While Redis is down each replica limits on its own (the
 * in-memory fallback) rather than letting every call through, which would spend the customer's AWS
 * API quotas, or refusing every call, which would turn a cache outage into a full outage.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly fallback: RateLimiter;
  private readonly breaker: CircuitBreaker;

  constructor(options: RedisRateLimiterOptions) {
    assertPolicy(options);
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.redis = options.redis;
    this.prefix = options.prefix ?? "rl:";
    this.timeoutMs = options.timeoutMs ?? 250;
    this.breaker = options.breaker ?? new CircuitBreaker().watch(options.redis);
    this.fallback =
      options.fallback ?? new MemoryRateLimiter({ limit: options.limit, windowMs: options.windowMs });
  }

  get degraded(): boolean {
    return this.breaker.state !== "closed";
  }

  async consume(key: string, cost = 1): Promise<RateLimitResult> {
    assertCost(cost);
    if (!this.breaker.allow()) return this.fallback.consume(key, cost);
    try {
      const reply = await withTimeout(
        this.redis.eval(CONSUME, 1, this.prefix + key, cost, this.windowMs),
        this.timeoutMs,
      );
      const [count, ttl] = reply as [number, number];
      this.breaker.success();
      return resultFor(this.limit, Number(count), Math.max(0, Number(ttl)));
    } catch (error) {
      if (this.redis.status !== "ready") this.breaker.trip(error);
      else this.breaker.failure(error);
      return this.fallback.consume(key, cost);
    }
  }
}
