// The cache store, rate limiters and tool runtime, chosen once at start-up: Redis when REDIS_URL is
// set (shared by every replica), process memory otherwise (the embedded default).
import {
  type CacheStore,
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

export function createRuntime(env: Env, logger: Logger, observer?: ToolObserver) {
  const onHealthChange = (health: { healthy: boolean; error?: string | undefined }) =>
    logger[health.healthy ? "info" : "warn"](
      { redis: health },
      health.healthy ? "redis recovered" : "redis degraded",
    );
  const redis = env.REDIS_URL ? createRedisClient(env.REDIS_URL) : undefined;
  const store: CacheStore = redis ? new RedisCacheStore({ redis, onHealthChange }) : new MemoryCacheStore();
  const ipPolicy = { limit: env.MCP_IP_LIMIT_PER_MINUTE, windowMs: 60_000 };
  const ipMemory = new MemoryRateLimiter(ipPolicy);
  const tools = createToolRuntime({
    store,
    limiters: createGuardrailLimiters({ redis, onHealthChange }),
    deadlineMs: env.SCAN_DEADLINE_MS,
    foregroundMs: env.SCAN_FOREGROUND_MS,
    ...(observer ? { observer } : {}),
  });
  const mcp: McpRuntime = {
    tools,
    ipLimiter: redis
      ? new RedisRateLimiter({ ...ipPolicy, redis, fallback: ipMemory, prefix: "rl:ip:" })
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
    readiness: (redis ? { cache: () => store.ping() } : {}) as Record<string, () => Promise<boolean>>,
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
