import { Redis } from "ioredis";

export interface RedisClientOptions {
  /** Give up on a connection attempt after this long (default 1,000 ms). */
  connectTimeoutMs?: number;
  /** Longest wait between reconnection attempts (default 1,000 ms). */
  maxReconnectDelayMs?: number;
  /** Connection errors, for logging. Without a listener ioredis prints them to the console. */
  onError?: (error: Error) => void;
}

/**
 * The process's one Redis client, tuned for a cache that must fail fast: no offline queue (a command
 * sent while the connection is down fails at once instead of waiting for a reconnection) and no
 * retry of a command in flight when the socket drops (a counter must not count twice). The client
 * connects at once and keeps reconnecting in the background, and the circuit breaker (breaker.ts)
 * follows it, so the cache recovers by itself. Close it with `quit()` on shutdown.
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 1_000;
  const redis = new Redis(url, {
    connectTimeout: options.connectTimeoutMs ?? 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 100, maxDelay),
  });
  redis.on("error", (error: Error) => options.onError?.(error));
  return redis;
}
