// The process wiring of the Redis circuit (createRuntime): one breaker for the cache and every
// limiter, one log line per change, the gauge, and readiness that stays ready on the memory fallback.
import { createTestDatabase, type TestDatabase } from "@tagc/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { appDepsFrom, awsConfigFrom, serviceDepsFrom } from "../src/deps";
import { parseEnv } from "../src/env";
import { createMetrics } from "../src/metrics";
import { createRuntime, trackRedisCircuit } from "../src/runtime";
import { type PrivateRedis, startPrivateRedis } from "./faults/private-redis";
import { captureLogs } from "./support/log-capture";
import { OPERATOR_ENV } from "./support/operator-env";

let redis: PrivateRedis;
let database: TestDatabase;
beforeAll(async () => {
  redis = await startPrivateRedis();
  database = await createTestDatabase({ kind: "pglite" });
}, 60_000);
afterAll(async () => {
  await redis?.kill();
  await database?.drop();
});

async function until(condition: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}

describe("the Redis circuit of a server process", () => {
  it("stays ready on the memory fallback, logs each change once, and keeps the gauge current", async () => {
    const env = parseEnv({ ...OPERATOR_ENV, REDIS_URL: redis.url, LOG_LEVEL: "debug" });
    const logs = captureLogs();
    const runtime = createRuntime(env, logs.logger);
    const breaker = runtime.breaker;
    if (!breaker) throw new Error("a REDIS_URL gives the runtime a breaker");
    const metrics = createMetrics();
    trackRedisCircuit(breaker, metrics);
    const handle = database.handle;
    const services = serviceDepsFrom(env, handle, awsConfigFrom(env), runtime.tools);
    const app = createApp(
      { ...appDepsFrom(env, services, logs.logger), metrics, readiness: runtime.readiness },
      handle,
    );
    const ready = async () => {
      const response = await app.request("/health/ready");
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const gauge = async () => {
      const text = await metrics.registry.metrics();
      return [...text.matchAll(/^tagc_redis_circuit_state\{state="([a-z-]+)"\} 1$/gm)].map((m) => m[1]);
    };
    try {
      await until(() => breaker.state === "closed");
      expect(await ready()).toMatchObject({
        status: 200,
        body: { status: "ready", checks: { database: true, cache: true }, modes: { cache: "redis" } },
      });
      expect(await gauge()).toEqual(["closed"]);
      logs.clear();

      await redis.kill();
      await until(() => breaker.state === "open");
      // Tool calls hit the store and the limiters many times; the outage is still one line.
      for (let i = 0; i < 50; i++) {
        await runtime.tools.store.incr(`test:circuit:${i}`, 60);
        await runtime.tools.limiters.apiKey.consume(`test:circuit:${i}`);
        await runtime.mcp.ipLimiter.consume("ip:test");
      }
      expect(await ready()).toMatchObject({
        status: 200,
        body: { status: "ready", checks: { cache: true }, modes: { cache: "memory-fallback" } },
      });
      expect(await gauge()).toEqual(["open"]);

      await redis.start();
      await until(() => breaker.state === "closed");
      expect(await gauge()).toEqual(["closed"]);
      const circuit = logs
        .entries()
        .filter((e) => typeof e.msg === "string" && e.msg.startsWith("redis circuit"));
      expect(circuit.map((e) => [e.level, (e.redis as { state: string }).state])).toEqual([
        [40, "open"],
        [30, "closed"],
      ]);
    } finally {
      await runtime.close();
      services.broker.destroy();
    }
  }, 60_000);
});
