import type { Redis } from "ioredis";
import { HealthTracker } from "./health";
import { assertPrefix, assertTtlSeconds, type CacheHealthListener, type CacheStore } from "./store";
import { withTimeout } from "./timeout";

export interface RedisCacheStoreOptions {
  /** One client for the process, created at start-up (see createRedisClient) and closed on shutdown. */
  redis: Redis;
  /** Each command gives up after this long and counts as a failure (default 500 ms). */
  timeoutMs?: number;
  /** Called when Redis stops answering and when it answers again (transitions only). */
  onHealthChange?: CacheHealthListener;
  /** After a failure, commands are not sent for this long and miss at once (default 1,000 ms). */
  breakMs?: number;
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

export class RedisCacheStore implements CacheStore {
  readonly kind = "redis";
  private readonly redis: Redis;
  private readonly timeoutMs: number;
  private readonly scanCount: number;
  private readonly health: HealthTracker;

  constructor(options: RedisCacheStoreOptions) {
    this.redis = options.redis;
    this.timeoutMs = options.timeoutMs ?? 500;
    this.scanCount = options.scanCount ?? 500;
    this.health = new HealthTracker({ listener: options.onHealthChange, breakMs: options.breakMs });
  }

  get degraded(): boolean {
    return this.health.degraded;
  }

  async get(key: string): Promise<string | null> {
    return this.run(null, () => this.redis.get(key));
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<boolean> {
    assertTtlSeconds(ttlSeconds);
    return this.run(false, async () => (await this.redis.set(key, value, "EX", ttlSeconds)) === "OK");
  }

  async del(key: string): Promise<boolean> {
    return this.run(false, async () => {
      await this.redis.unlink(key);
      return true;
    });
  }

  /**
   * SCAN + UNLINK in batches: never KEYS (which blocks Redis on a large keyspace) and never DEL of a
   * large batch (UNLINK frees memory in the background). Null when Redis failed part-way; what was
   * already unlinked stays deleted, and the rest expires with its TTL.
   */
  async delByPrefix(prefix: string): Promise<number | null> {
    assertPrefix(prefix);
    const pattern = `${globLiteral(prefix)}*`;
    let cursor = "0";
    let deleted = 0;
    do {
      const page = await this.run(null, () =>
        this.redis.scan(cursor, "MATCH", pattern, "COUNT", this.scanCount),
      );
      if (!page) return null;
      const [next, keys] = page;
      if (keys.length > 0) {
        const unlinked = await this.run(null, () => this.redis.unlink(...keys));
        if (unlinked === null) return null;
        deleted += unlinked;
      }
      cursor = next;
    } while (cursor !== "0");
    return deleted;
  }

  async incr(key: string, ttlSeconds: number): Promise<number | null> {
    assertTtlSeconds(ttlSeconds);
    return this.run(null, async () => Number(await this.redis.eval(INCR_WITH_TTL, 1, key, ttlSeconds)));
  }

  async ping(): Promise<boolean> {
    return (await this.run(null, () => this.redis.ping())) === "PONG";
  }

  private async run<T, F>(fallback: F, command: () => Promise<T>): Promise<T | F> {
    if (this.health.skipping) return fallback;
    try {
      const result = await withTimeout(command(), this.timeoutMs);
      this.health.ok();
      return result;
    } catch (error) {
      if (isReplyError(error)) this.health.ok();
      else this.health.failed(error);
      return fallback;
    }
  }
}
