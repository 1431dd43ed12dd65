import { Redis } from "ioredis";

export interface RedisClientOptions {
  /** Give up on a connection attempt after this long (default 1,000 ms). */
  connectTimeoutMs?: number;
  /** Longest wait between reconnection attempts (default 2,000 ms). */
  maxReconnectDelayMs?: number;
  /** Connection errors, for logging. Without a listener ioredis prints them to the console. */
  onError?: (error: Error) => void;
}

/**
 * The process's one Redis client, tuned for a cache that must fail fast: a command waiting for a
 * dead Redis is failed after one reconnection attempt instead of the default twenty, and the client
 * keeps reconnecting in the background so the cache recovers by itself. Close it with `quit()` on
 * shutdown.
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 2_000;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 1_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, maxDelay),
  });
  redis.on("error", (error: Error) => options.onError?.(error));
  return redis;
}
