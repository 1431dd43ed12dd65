import { assertCost, assertPolicy, type RateLimiter, type RateLimitPolicy, resultFor } from "./rate-limiter";

export interface MemoryRateLimiterOptions extends RateLimitPolicy {
  /** Milliseconds since the epoch; injectable so tests move time without sleeping. */
  now?: () => number;
  /** Keys tracked at most; the oldest windows are dropped first (default 100,000). */
  maxKeys?: number;
}

interface Window {
  count: number;
  resetAt: number;
}

/** Fixed windows in this process's memory: the embedded default, and the fallback while Redis is down. */
export class MemoryRateLimiter implements RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly windows = new Map<string, Window>();

  constructor(options: MemoryRateLimiterOptions) {
    assertPolicy(options);
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  async consume(key: string, cost = 1) {
    assertCost(cost);
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      // Re-inserting keeps Map order equal to window start order, so the first key is the oldest.
      this.windows.delete(key);
      this.windows.set(key, window);
      this.evict();
    }
    window.count += cost;
    return resultFor(this.limit, window.count, window.resetAt - now);
  }

  private evict(): void {
    while (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) return;
      this.windows.delete(oldest.value);
    }
  }
}
