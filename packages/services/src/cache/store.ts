// The cache behind every replica: Redis in a real deployment, process memory in the embedded default.
// Chosen once at start-up. Tenant data never goes through this interface directly: it goes through a
// `TenantCache` (tenant-cache.ts), which is the only place a tenant's key prefix is built.

/**
 * A string key-value store with TTLs. Availability failures (Redis down, a slow command) never reject:
 * the Redis store answers from this process's memory instead (reads miss or hit what this replica
 * cached meanwhile, counters count per replica), and `degraded` is true until Redis answers again.
 * A null counter or a false write means the store could not do it at all. A cache outage must degrade
 * answers, not fail them. Programming errors (a non-positive TTL, an empty prefix) still throw.
 */
export interface CacheStore {
  readonly kind: "memory" | "redis";
  /** True while the backend is failing (the circuit is not closed). */
  readonly degraded: boolean;
  get(key: string): Promise<string | null>;
  /** `ttlSeconds` is a positive integer. False when the write was skipped. */
  set(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<boolean>;
  /** Deletes every key that starts with `prefix` (not empty); the count, or null when the store failed. */
  delByPrefix(prefix: string): Promise<number | null>;
  /**
   * Adds one and returns the new count. The TTL is set when the counter is created and never extended,
   * so a counter is a fixed window that starts at its first increment. Null when the store failed.
   */
  incr(key: string, ttlSeconds: number): Promise<number | null>;
  /** True when the backend answers (readiness probe); never throws. */
  ping(): Promise<boolean>;
  /**
   * Optional, for a store in this process's memory: keeps `value` itself (JSON data nobody changes
   * afterwards) instead of its JSON text, so a large value (a 50,000-resource scan: ~15 MiB of text,
   * and a transient peak of ~40 MiB to build it) exists once, shared with the readers. `get` of such
   * an entry answers its JSON, `incr` treats it as text that is not a counter.
   */
  setData?(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  /** The value `setData` kept (the same object), a text entry parsed, or null (missing, unreadable). */
  getData?(key: string): Promise<{ value: unknown } | null>;
}

export function assertTtlSeconds(ttlSeconds: number): void {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  }
}

export function assertPrefix(prefix: string): void {
  // An empty prefix would match every key of every tenant.
  if (prefix === "") throw new RangeError("refusing to delete by an empty prefix");
}
