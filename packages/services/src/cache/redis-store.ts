import type { Redis } from "ioredis";
import { CircuitBreaker } from "./breaker";
import { MemoryCacheStore } from "./memory-store";
import { assertPrefix, assertTtlSeconds, type CacheStore } from "./store";
import { withTimeout } from "./timeout";

export interface RedisCacheStoreOptions {
  /** One client for the process, created at start-up (see createRedisClient) and closed on shutdown. */
  redis: Redis;
  /**
   * The process's breaker for this client, shared with the Redis rate limiters (one is made for this
   * store when absent). While it is open every operation answers from `fallback` without asking Redis.
   */
  breaker?: CircuitBreaker;
  /** Answers while Redis is unreachable (default a MemoryCacheStore): this replica's own memory. */
  fallback?: MemoryCacheStore;
  /** A command that has not answered after this long fails and counts toward opening (default 250 ms). */
  timeoutMs?: number;
  /** SCAN batch size for delByPrefix (default 500). */
  scanCount?: number;
}

// INCR then, on a new counter only, EXPIRE: one atomic step, so a counter can never be left without a
// TTL (which a crash between two separate commands could do). Works on Redis 6 as well as 7.
const INCR_WITH_TTL = `
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** SCAN's MATCH is a glob: a literal prefix must escape the glob characters. */
const globLiteral = (text: string) => text.replace(/[*?[\]\\]/g, "\\$&");

/** A command the server refused (wrong type, script error) is a bug, not an outage. */
const isReplyError = (error: unknown) => error instanceof Error && error.name === "ReplyError";

/**
 * Redis, and this process's memory while Redis cannot answer: a read misses or hits what this replica
 * cached during the outage, and counters (the loop detector, session budgets) keep counting per
 * replica, so a guardrail still refuses what it should instead of failing open. The outage memory is
 * dropped when the circuit closes: Redis is the truth again, and nothing cached meanwhile (on this
 * replica only, unseen by revocations on others) outlives the outage.
 */
export class RedisCacheStore implements CacheStore {
  readonly kind = "redis";
  readonly breaker: CircuitBreaker;
  private readonly redis: Redis;
  private readonly fallback: MemoryCacheStore;
  private readonly timeoutMs: number;
  private readonly scanCount: number;

  constructor(options: RedisCacheStoreOptions) {
    this.redis = options.redis;
    this.breaker = options.breaker ?? new CircuitBreaker().watch(options.redis);
    this.fallback = options.fallback ?? new MemoryCacheStore();
    this.timeoutMs = options.timeoutMs ?? 250;
    this.scanCount = options.scanCount ?? 500;
    this.breaker.onChange(({ state }) => {
      if (state === "closed") this.fallback.clear();
    });
  }

  get degraded(): boolean {
    return this.breaker.state !== "closed";
  }

  async get(key: string): Promise<string | null> {
    return this.run(
      () => this.redis.get(key),
      () => this.fallback.get(key),
      null,
    );
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    assertTtlSeconds(ttlSeconds);
    return this.run(
      async () => (await this.redis.set(key, value, "EX", ttlSeconds)) === "OK",
      () => this.fallback.set(key, value, ttlSeconds),
      false,
    );
  }

  async del(key: string): Promise<boolean> {
    // Both: an entry this replica cached during an outage must go too.
    await this.fallback.del(key);
    return this.run(
      async () => {
        await this.redis.unlink(key);
        return true;
      },
      async () => false,
      false,
    );
  }

  /**
   * SCAN + UNLINK in batches: never KEYS (which blocks Redis on a large keyspace) and never DEL of a
   * large batch (UNLINK frees memory in the background). Null when Redis failed part-way; what was
   * already unlinked stays deleted, and the rest expires with its TTL. The outage memory is always
   * cleared too.
   */
  async delByPrefix(prefix: string): Promise<number | null> {
    assertPrefix(prefix);
    const local = (await this.fallback.delByPrefix(prefix)) ?? 0;
    const pattern = `${globLiteral(prefix)}*`;
    let cursor = "0";
    let deleted = 0;
    do {
      const page = await this.run(
        () => this.redis.scan(cursor, "MATCH", pattern, "COUNT", this.scanCount),
        async () => null,
        null,
      );
      if (!page) return null;
      const [next, keys] = page;
      if (keys.length > 0) {
        const unlinked = await this.run(
          () => this.redis.unlink(...keys),
          async () => null,
          null,
        );
        if (unlinked === null) return null;
        deleted += unlinked;
      }
      cursor = next;
    } while (cursor !== "0");
    return Math.max(deleted, local);
  }

  async incr(key: string, ttlSeconds: number): Promise<number | null> {
    assertTtlSeconds(ttlSeconds);
    return this.run(
      async () => Number(await this.redis.eval(INCR_WITH_TTL, 1, key, ttlSeconds)),
      () => this.fallback.incr(key, ttlSeconds),
      null,
    );
  }

  /** True when Redis itself answers (not the fallback). */
  async ping(): Promise<boolean> {
    return this.run(
      async () => (await this.redis.ping()) === "PONG",
      async () => false,
      false,
    );
  }

  /**
   * Redis when the circuit lets it, memory otherwise. `refused` answers a command Redis refused (a
   * bug such as INCR of a text value): that is not an outage, and memory would hide it.
   */
  private async run<T, F, R>(
    command: () => Promise<T>,
    fallback: () => Promise<F>,
    refused: R,
  ): Promise<T | F | R> {
    if (!this.breaker.allow()) return fallback();
    try {
      const result = await withTimeout(command(), this.timeoutMs);
      this.breaker.success();
      return result;
    } catch (error) {
      if (isReplyError(error)) {
        this.breaker.success();
        return refused;
      }
      // Not connected: no command can succeed until ioredis reconnects, so open at once.
      if (this.redis.status !== "ready") this.breaker.trip(error);
      else this.breaker.failure(error);
      return fallback();
    }
  }
}
