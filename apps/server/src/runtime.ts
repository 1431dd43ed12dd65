// The cache store, rate limiters and tool runtime, chosen once at start-up: Redis when REDIS_URL is
// set (shared by every replica), process memory otherwise (the embedded default).
import {
  type BreakerState,
  type CacheStore,
  CircuitBreaker,
  createGuardrailLimiters,
  createRedisClient,
  createToolRuntime,
  MemoryCacheStore,
  MemoryRateLimiter,
  RedisCacheStore,
  RedisRateLimiter,
  type ToolObserver,
} from "@tagc/services";
import type { Logger } from "pino";
import type { Env } from "./env";
import type { McpRuntime } from "./mcp/context";
import type { Metrics } from "./metrics";
import type { ReadinessCheck } from "./types";

/** What /health/ready and the gauge report: the cache answers from Redis, or from this replica's memory. */
export const cacheMode = (state: BreakerState) => (state === "closed" ? "redis" : "memory-fallback");

/** Keeps the breaker's gauge current: one series per state, 1 for the state it is in. */
export function trackRedisCircuit(breaker: CircuitBreaker, metrics: Metrics) {
  const set = (current: BreakerState) => {
    for (const state of BREAKER_STATES) metrics.redisCircuit.set({ state }, state === current ? 1 : 0);
  };
  set(breaker.state);
  breaker.onChange(({ state }) => set(state));
}

const BREAKER_STATES: BreakerState[] = ["closed", "half-open", "open"];

export function createRuntime(env: Env, logger: Logger, observer?: ToolObserver) {
  // Connection errors repeat every reconnection attempt; the breaker's changes are the log lines.
  const redis = env.REDIS_URL ? createRedisClient(env.REDIS_URL, { onError: () => undefined }) : undefined;
  // One breaker for the one client: the cache and every limiter see an outage together, logged once
  // per change (open, half-open, closed) rather than once per command.
  const breaker = redis ? new CircuitBreaker().watch(redis) : undefined;
  breaker?.onChange(({ state, previous, error }) =>
    logger[state === "closed" ? "info" : "warn"](
      { redis: { state, previous, ...(error ? { error } : {}) } },
      `redis circuit ${state}: cache ${cacheMode(state) === "redis" ? "on Redis" : "answering from process memory"}`,
    ),
  );
  const store: CacheStore = redis ? new RedisCacheStore({ redis, breaker }) : new MemoryCacheStore();
  const ipPolicy = { limit: env.MCP_IP_LIMIT_PER_MINUTE, windowMs: 60_000 };
  const ipMemory = new MemoryRateLimiter(ipPolicy);
  const tools = createToolRuntime({
    store,
    limiters: createGuardrailLimiters({ redis, breaker }),
    deadlineMs: env.SCAN_DEADLINE_MS,
    foregroundMs: env.SCAN_FOREGROUND_MS,
    scanQueue: { capacity: env.SCAN_CONCURRENCY, perClient: env.SCAN_CONCURRENCY_PER_CLIENT },
    scanBusyCalls: env.SCAN_BUSY_AWS_CALLS,
    ...(observer ? { observer } : {}),
  });
  const mcp: McpRuntime = {
    tools,
    ipLimiter: redis
      ? new RedisRateLimiter({ ...ipPolicy, redis, breaker, fallback: ipMemory, prefix: "rl:ip:" })
      : ipMemory,
    allowedOrigins: [
      new URL(env.PUBLIC_BASE_URL).origin,
      ...env.MCP_ALLOWED_ORIGINS.split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ],
    sessionSecret: env.MCP_SESSION_SECRET,
  };
  return {
    mcp,
    tools,
    breaker,
    // The service works on process memory while Redis is down, so readiness stays ready and says so:
    // failing it would take every replica out of the load balancer over a cache outage.
    readiness: (breaker
      ? { cache: async () => ({ ok: true, mode: cacheMode(breaker.state) }) }
      : {}) as Record<string, ReadinessCheck>,
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
