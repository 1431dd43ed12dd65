import type { Redis } from "ioredis";
import { CircuitBreaker } from "../cache/breaker";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import type { RateLimiter, RateLimitPolicy } from "./rate-limiter";
import { RedisRateLimiter } from "./redis-rate-limiter";

/** The three limits every tool call passes (ONBOARDING.md, "Metering and quotas"). */
export interface GuardrailLimiters {
  /** Per API key: one integration cannot starve the client's other keys. */
  apiKey: RateLimiter;
  /** Per client: all of a tenant's keys together. */
  client: RateLimiter;
  /** Per (client, AWS account, region): never burn the customer's own AWS API quotas. */
  awsRegion: RateLimiter;
}

export type GuardrailLimits = Record<keyof GuardrailLimiters, RateLimitPolicy>;

export const DEFAULT_RATE_LIMITS: GuardrailLimits = {
  apiKey: { limit: 60, windowMs: 60_000 },
  client: { limit: 120, windowMs: 60_000 },
  awsRegion: { limit: 30, windowMs: 60_000 },
};

export interface CreateGuardrailLimitersOptions {
  /** Shared limits across replicas when set; this process's memory otherwise (the embedded default). */
  redis?: Redis | undefined;
  limits?: Partial<GuardrailLimits>;
  /** Key prefix in Redis (default "rl:"). */
  prefix?: string;
  /** Clock of the in-memory limiters (tests). */
  now?: () => number;
  /** The process's breaker for `redis`, shared with the cache store: one outage, seen once. */
  breaker?: CircuitBreaker | undefined;
}

/** Builds the limiters once at start-up. */
export function createGuardrailLimiters(options: CreateGuardrailLimitersOptions = {}): GuardrailLimiters {
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.limits };
  const breaker = options.breaker ?? (options.redis ? new CircuitBreaker().watch(options.redis) : undefined);
  const build = (policy: RateLimitPolicy): RateLimiter => {
    const memory = new MemoryRateLimiter({ ...policy, ...(options.now ? { now: options.now } : {}) });
    if (!options.redis) return memory;
    return new RedisRateLimiter({
      ...policy,
      redis: options.redis,
      fallback: memory,
      ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
      ...(breaker ? { breaker } : {}),
    });
  };
  return { apiKey: build(limits.apiKey), client: build(limits.client), awsRegion: build(limits.awsRegion) };
}
