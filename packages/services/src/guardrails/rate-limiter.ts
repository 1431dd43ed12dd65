// Rate limits are fixed windows: a key's window opens at its first request and lasts `windowMs`; up to
// `limit` units of cost fit in it; the window then closes and the next request opens a new one.
// Chosen over a token bucket because one counter with a TTL is one atomic Redis step, the reset time is
// exact (it is the counter's TTL), and a caller refused once can be told precisely when to retry. The
// price is a burst of up to 2 × limit across a window boundary, acceptable for these limits.

export interface RateLimitResult {
  allowed: boolean;
  /** Units left in the current window after this request (0 when refused). */
  remaining: number;
  limit: number;
  /** Milliseconds until the current window closes. */
  resetMs: number;
  /** 0 when allowed; otherwise when to try again (the window's close). */
  retryAfterMs: number;
}

export interface RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts `cost` (default 1) against `key`; a refused request still counts. Keys are ids, never secrets. */
  consume(key: string, cost?: number): Promise<RateLimitResult>;
}

export interface RateLimitPolicy {
  /** Units per window (a positive integer). */
  limit: number;
  /** Window length in milliseconds (a positive integer). */
  windowMs: number;
}

export function assertPolicy({ limit, windowMs }: RateLimitPolicy): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  if (!Number.isInteger(windowMs) || windowMs < 1)
    throw new RangeError("windowMs must be a positive integer");
}

export function assertCost(cost: number): void {
  if (!Number.isInteger(cost) || cost < 1) throw new RangeError("cost must be a positive integer");
}

/** The result for a window holding `count` units that closes in `resetMs`. */
export function resultFor(limit: number, count: number, resetMs: number): RateLimitResult {
  const allowed = count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - count),
    limit,
    resetMs,
    retryAfterMs: allowed ? 0 : resetMs,
  };
}
