// Benchmark fixture: a real server (Postgres, in-memory cache) over real HTTP, the AWS sandbox with a
// synthetic account and injected latency, and one client onboarded by the test kit's onboardTenant.
import { createDatabase } from "@tagc/db";
import { createTestDatabase } from "@tagc/db/testing";
import {
  CircuitBreaker,
  createGuardrailLimiters,
  createRedisClient,
  createToolRuntime,
  MemoryCacheStore,
  MemoryRateLimiter,
  RedisCacheStore,
  type ToolRuntimeOptions,
} from "@tagc/services";
import { servicesSteps } from "@tagc/services/testing";
import {
  ACME_ACCOUNT,
  CONTROL_PLANE,
  customer,
  GLOBEX_ACCOUNT,
  listen,
  onboardTenant,
  publishSandboxTemplate,
  SANDBOX_TEMPLATE_URL,
} from "@tagc/testkit";
import pino from "pino";
import { createApp } from "../src/app";
import { appDepsFrom, awsConfigFrom, serviceDepsFrom } from "../src/deps";
import { parseEnv } from "../src/env";
import type { McpRuntime } from "../src/mcp/context";
import { spawnSandbox } from "./sandbox-client";

export async function startBench(options: {
  resources: number;
  regions: number;
  latencyMs: number;
  keys: number;
  /** The server's own scan deadline and foreground budget (env.ts defaults) instead of the 55 s scan. */
  serverScanTimes?: boolean;
  /** The scan deadline alone (no foreground budget: one call waits for the whole scan). */
  deadlineMs?: number;
  /** A second tenant on its own account with this many resources (0: none). */
  secondResources?: number;
  /** The cold-scan slots (the server's SCAN_CONCURRENCY and SCAN_CONCURRENCY_PER_CLIENT). */
  scanQueue?: ToolRuntimeOptions["scanQueue"];
  /** The server's SCAN_BUSY_AWS_CALLS (cold scans' AWS calls in flight while other calls run). */
  scanBusyCalls?: number;
  /** The cache, rate limits and guardrail counters on this Redis (the default: process memory). */
  redisUrl?: string;
}) {
  const sandbox = await spawnSandbox(options.resources, options.regions, options.secondResources ?? 0);
  await publishSandboxTemplate(sandbox.url);
  const database = await createTestDatabase({ kind: "postgres" });
  const env = parseEnv({
    // The benchmark is the operator's own deployment shape: not demo mode, so these are required.
    PLATFORM_ACCOUNT_ID: CONTROL_PLANE.account_id,
    TEMPLATE_URL: SANDBOX_TEMPLATE_URL,
    ONBOARDING_LINK_SECRET: "bench-onboarding-link-secret-0123456789abcdef",
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_ACCESS_KEY_ID: CONTROL_PLANE.access_key_id,
    AWS_SECRET_ACCESS_KEY: CONTROL_PLANE.secret_access_key,
    PUBLIC_BASE_URL: "http://127.0.0.1",
    ADMIN_BOOTSTRAP_TOKEN: "bench-admin-token-000000000000",
  });
  // The benchmark measures server capacity, so the per-key and per-client rate limits are lifted;
  // the loop detector and session budget stay on (the workload never repeats a call 4 times).
  const limits = {
    apiKey: { limit: 1_000_000, windowMs: 60_000 },
    client: { limit: 1_000_000, windowMs: 60_000 },
    awsRegion: { limit: 1_000, windowMs: 60_000 },
  };
  const redis = options.redisUrl ? createRedisClient(options.redisUrl) : undefined;
  const breaker = redis ? new CircuitBreaker().watch(redis) : undefined;
  const tools = createToolRuntime({
    store: redis ? new RedisCacheStore({ redis, breaker }) : new MemoryCacheStore({ maxEntries: 100_000 }),
    limiters: createGuardrailLimiters({ limits, ...(redis ? { redis, breaker } : {}) }),
    deadlineMs: options.deadlineMs ?? (options.serverScanTimes ? env.SCAN_DEADLINE_MS : 55_000),
    foregroundMs: options.serverScanTimes ? env.SCAN_FOREGROUND_MS : undefined,
    ...(options.scanQueue ? { scanQueue: options.scanQueue } : {}),
    ...(options.scanBusyCalls ? { scanBusyCalls: options.scanBusyCalls } : {}),
  });
  const mcp: McpRuntime = {
    tools,
    ipLimiter: new MemoryRateLimiter({ limit: 1_000_000, windowMs: 60_000 }),
    allowedOrigins: [],
    sessionSecret: env.MCP_SESSION_SECRET,
  };
  // The pool a server has (pg's default 10), not the test helper's 4: a benchmark of waits for a
  // connection would measure the fixture.
  const handle = createDatabase({ url: database.url, poolMax: 10 });
  const services = serviceDepsFrom(env, handle, awsConfigFrom(env), tools);
  const app = createApp({ ...appDepsFrom(env, services, pino({ level: "silent" })), mcp }, handle);
  const server = await listen(app.fetch);
  const url = `${server.url}/mcp`;

  const steps = servicesSteps(services, "bench");
  const tenant = await onboardTenant(steps, sandbox, customer("bench", ACME_ACCOUNT, "enterprise"));
  const keys = [tenant.apiKey];
  while (keys.length < options.keys)
    keys.push((await steps.issueKey(tenant.id, `bench-${keys.length}`)).secret);
  const second = options.secondResources
    ? await onboardTenant(steps, sandbox, customer("bench-b", GLOBEX_ACCOUNT, "enterprise"))
    : undefined;
  // Start from a cold credential cache, so the STS count below covers the whole run.
  services.broker.invalidate(tenant.id);
  await sandbox.setFaults({ latency_ms: options.latencyMs });
  await sandbox.resetCounters();
  return {
    url,
    app,
    keys,
    sandbox,
    clientId: tenant.id,
    second,
    services,
    handle,
    tools,
    async close() {
      await server.close();
      sandbox.stop();
      await handle.close();
      await database.drop();
      await redis?.quit();
    },
  };
}
