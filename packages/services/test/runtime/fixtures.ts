// Shared fixtures for the runtime suites: every cache, limiter, budget and loop suite runs against the
// in-memory implementations and real Redis. Each test gets its own key namespace and client ids and
// deletes them afterwards, so parallel files and concurrent runs on one Redis never collide.
import { randomBytes } from "node:crypto";
import { TestClock } from "@tagc/testkit";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach } from "vitest";
import { MemoryCacheStore } from "../../src/cache/memory-store";
import { RedisCacheStore } from "../../src/cache/redis-store";
import type { CacheStore } from "../../src/cache/store";

// Tests only: where the test Redis runs (the CI machine and docker-compose both use this address).
export const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

export type StoreKind = "memory" | "redis";
export const STORE_KINDS: StoreKind[] = ["memory", "redis"];

export const random = (bytes = 6) => randomBytes(bytes).toString("hex");
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The runtime suites' clock: a fixed instant, moved by hand (the test kit's one clock). */
export const manualClock = () => new TestClock(Date.UTC(2025, 5, 15, 10, 30));

export interface StoreFixture {
  kind: StoreKind;
  store: CacheStore;
  /** The Redis client (Redis suites only). */
  redis: Redis;
  /** Unique to this test: prefix raw store keys with it. */
  ns: string;
  /** The memory store's and limiters' clock. */
  clock: TestClock;
  /** A fresh client id whose `client:<id>:` keys are deleted after the test. */
  newClientId(): string;
  /** Lets `ms` pass: moves the clock for memory, sleeps for Redis (whose TTLs run on its own clock). */
  elapse(ms: number): Promise<void>;
  /** Deleted after the test (e.g. a rate limiter's key prefix). */
  cleanupPrefix(prefix: string): void;
}

/** One Redis client per test file, opened lazily and closed after the file. */
export function useRedisClient(): () => Redis {
  let client: Redis | undefined;
  afterAll(async () => {
    await client?.quit();
  });
  return () => {
    client ??= new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    return client;
  };
}

export function useStore(kind: StoreKind): () => StoreFixture {
  const redisClient = useRedisClient();
  let current: StoreFixture | undefined;
  let prefixes: string[] = [];

  beforeEach(() => {
    const clock = manualClock();
    const ns = `test:${random()}:`;
    prefixes = [ns];
    const store: CacheStore =
      kind === "memory"
        ? new MemoryCacheStore({ now: clock.nowMs })
        : new RedisCacheStore({ redis: redisClient() });
    current = {
      kind,
      store,
      get redis() {
        return redisClient();
      },
      ns,
      clock,
      newClientId() {
        const id = `cli_${random()}`;
        prefixes.push(`client:${id}:`);
        return id;
      },
      async elapse(ms) {
        if (kind === "memory") clock.advance(ms);
        else await sleep(ms);
      },
      cleanupPrefix(prefix) {
        prefixes.push(prefix);
      },
    };
  });

  afterEach(async () => {
    if (!current) return;
    for (const prefix of prefixes) await current.store.delByPrefix(prefix);
    if (kind === "redis") {
      // Cleanup must have worked, or runs would pile up keys in the shared Redis.
      for (const prefix of prefixes) {
        if ((await redisKeys(redisClient(), prefix)).length > 0) throw new Error(`keys left under ${prefix}`);
      }
    }
    current = undefined;
  });

  return () => {
    if (!current) throw new Error("the store fixture is only available inside a test");
    return current;
  };
}

/** All keys under a prefix in the test Redis. */
export async function redisKeys(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, page] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    keys.push(...page);
    cursor = next;
  } while (cursor !== "0");
  return keys.sort();
}
