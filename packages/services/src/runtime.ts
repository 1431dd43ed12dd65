// Runtime pieces chosen once at start-up (cache, rate limiters) and the metering the scanning tools
// call. Re-exported from the package index.

export {
  type BreakerChange,
  type BreakerListener,
  type BreakerState,
  CircuitBreaker,
  type CircuitBreakerOptions,
} from "./cache/breaker";
export { MemoryCacheStore, type MemoryCacheStoreOptions } from "./cache/memory-store";
export { createRedisClient, type RedisClientOptions } from "./cache/redis-client";
export { RedisCacheStore, type RedisCacheStoreOptions } from "./cache/redis-store";
export type { CacheStore } from "./cache/store";
export { type TenantCache, tenantCache } from "./cache/tenant-cache";
export { canonicalJson } from "./guardrails/canonical-json";
export {
  checkGuardrails,
  type GuardrailCode,
  type GuardrailInput,
  type GuardrailResult,
} from "./guardrails/check";
export {
  type CreateGuardrailLimitersOptions,
  createGuardrailLimiters,
  DEFAULT_RATE_LIMITS,
  type GuardrailLimiters,
  type GuardrailLimits,
} from "./guardrails/limiters";
export {
  type LoopCall,
  LoopDetector,
  type LoopDetectorOptions,
  type LoopVerdict,
} from "./guardrails/loop-detector";
export { MemoryRateLimiter, type MemoryRateLimiterOptions } from "./guardrails/memory-rate-limiter";
export type { RateLimiter, RateLimitPolicy, RateLimitResult } from "./guardrails/rate-limiter";
export { RedisRateLimiter, type RedisRateLimiterOptions } from "./guardrails/redis-rate-limiter";
export {
  type BudgetCaller,
  type BudgetVerdict,
  SessionBudget,
  type SessionBudgetOptions,
} from "./guardrails/session-budget";
export { checkResourceQuota, type ResourceQuota, type ResourceQuotaInput } from "./metering/check-quota";
export { UsageRecordError } from "./metering/errors";
export { resourceIdempotencyKey, scanIdempotencyKey } from "./metering/keys";
export { type RecordScanUsageInput, type RecordScanUsageResult, recordScanUsage } from "./metering/record";
export { type RetryOptions, withRetry } from "./metering/retry";
export { isTransientDbError } from "./metering/transient";
