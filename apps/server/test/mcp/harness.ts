// End-to-end MCP harness: real Postgres, real Redis (cache and limiters), the AWS sandbox with the two
// accounts of ./seed.ts, the real app over real HTTP, and the SDK's own Client. Tenants are onboarded
// the way the product does it (the test kit's onboardTenant): registered, their role created from the
// real CloudFormation template with the client's External ID, verified, given an API key.
import { randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type Sandbox, type SeedInput, startSandbox } from "@tagc/aws-sandbox";
import { createDatabase } from "@tagc/db";
import { createTestDatabase, type TestDatabase } from "@tagc/db/testing";
import {
  type CacheStore,
  CircuitBreaker,
  createGuardrailLimiters,
  createRedisClient,
  createToolRuntime,
  type GuardrailLimits,
  issueApiKey,
  type LoopDetector,
  loadClient,
  MemoryRateLimiter,
  putPolicy,
  RedisCacheStore,
  type ServiceDeps,
  type SessionBudget,
  type ToolRuntime,
} from "@tagc/services";
import { servicesSteps } from "@tagc/services/testing";
import {
  CONTROL_PLANE,
  customer,
  deployRole,
  HAND_COMPUTED_START,
  listen,
  type OnboardedTenant,
  onboardTenant,
  publishSandboxTemplate,
  TestClock,
} from "@tagc/testkit";
import pino from "pino";
import { createApp } from "../../src/app";
import { appDepsFrom, awsConfigFrom, serviceDepsFrom } from "../../src/deps";
import { parseEnv } from "../../src/env";
import type { McpRuntime } from "../../src/mcp/context";
import { OPERATOR_ENV } from "../support/operator-env";
import { ACME, GLOBEX, GLOBEX_POLICY, seed } from "./seed";

export type McpTenant = OnboardedTenant;

export interface McpHarness {
  url: string;
  sandbox: Sandbox;
  services: ServiceDeps;
  store: CacheStore;
  redis: ReturnType<typeof createRedisClient>;
  /** The one breaker of `redis`, shared by the store and the limiters (as createRuntime wires it). */
  breaker: CircuitBreaker;
  acme: McpTenant;
  globex: McpTenant;
  clock: TestClock;
  /** The tool runtime the server runs with (its scan deadline and foreground budget). */
  tools: ReturnType<typeof createToolRuntime>;
  connect(apiKey: string, headers?: Record<string, string>): Promise<Client>;
  call(client: Client, name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  issueKey(tenant: McpTenant, scopes?: ("mcp:tools" | "mcp:read")[]): Promise<{ secret: string; id: string }>;
  /** Re-creates the tenant's role from the real template, optionally without some actions. */
  putRole(tenant: McpTenant, withoutActions?: string[]): Promise<unknown>;
  /**
   * A second replica: its own app and port on the same database, cache and PUBLIC_BASE_URL. With
   * `ownMemory` it also has its own process state, as another machine would: its own Redis client,
   * breaker, scan memo and credential broker.
   */
  startReplica(options?: { ownMemory?: boolean }): Promise<{
    url: string;
    services: ServiceDeps;
    tools: ToolRuntime;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

/** Wed 2026-11-10: the default 30-day cost window is 2026-10-11..2026-11-10, inside the seeded spend. */
export const START = HAND_COMPUTED_START;

export async function startMcpHarness(
  options: {
    limits?: Partial<GuardrailLimits>;
    foregroundMs?: number;
    /** PUBLIC_BASE_URL = the listening URL (OAuth clients check the resource against the MCP URL). */
    publicAtListeningUrl?: boolean;
    /** A Redis other than the shared test one (the fault suite's private server). */
    redisUrl?: string;
    budget?: SessionBudget;
    loop?: LoopDetector;
    /** Another world for the sandbox (default: the hand-computed one of ./seed.ts). */
    seed?: SeedInput;
    /**
     * The server's own SCAN_DEADLINE_MS and SCAN_FOREGROUND_MS defaults (env.ts) instead of the
     * suites' short deadline: for the suites that measure the real figures.
     */
    serverScanTimes?: boolean;
  } = {},
): Promise<McpHarness> {
  const sandbox = await startSandbox({ seed: options.seed ?? seed() });
  await publishSandboxTemplate(sandbox.url);
  const database: TestDatabase = await createTestDatabase({ kind: "postgres" });
  const clock = new TestClock(START);
  // The app is built once the port is known, for a PUBLIC_BASE_URL that is the real address.
  let fetchApp: (request: Request, env?: unknown) => Response | Promise<Response> = () =>
    new Response("starting", { status: 503 });
  const server = await listen((request: Request, ...rest: unknown[]) => fetchApp(request, rest[0]));
  const env = parseEnv({
    ...OPERATOR_ENV,
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_ACCESS_KEY_ID: CONTROL_PLANE.access_key_id,
    AWS_SECRET_ACCESS_KEY: CONTROL_PLANE.secret_access_key,
    PUBLIC_BASE_URL: options.publicAtListeningUrl ? server.url : "https://tagc.test",
    ADMIN_BOOTSTRAP_TOKEN: "e2e-admin-token-000000000000000",
    LOG_LEVEL: "silent",
  });
  const redisUrl = options.redisUrl ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const rateLimitPrefix = `rl:e2e:${randomBytes(6).toString("hex")}:`;
  const runtimeOn = (redis: ReturnType<typeof createRedisClient>) => {
    const breaker = new CircuitBreaker().watch(redis);
    const store = new RedisCacheStore({ redis, breaker });
    const tools = createToolRuntime({
      store,
      limiters: createGuardrailLimiters({
        redis,
        breaker,
        prefix: rateLimitPrefix,
        limits: options.limits ?? {},
      }),
      deadlineMs: options.serverScanTimes ? env.SCAN_DEADLINE_MS : 20_000,
      foregroundMs: options.serverScanTimes ? env.SCAN_FOREGROUND_MS : options.foregroundMs,
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.loop ? { loop: options.loop } : {}),
    });
    return { breaker, store, tools };
  };
  const redis = createRedisClient(redisUrl);
  const { breaker, store, tools } = runtimeOn(redis);
  const mcp: McpRuntime = {
    tools,
    ipLimiter: new MemoryRateLimiter({ limit: 10_000, windowMs: 60_000 }),
    allowedOrigins: ["https://tagc.test"],
    sessionSecret: env.MCP_SESSION_SECRET,
  };
  // A pool the size a server would use, not the test helper's small one: the suites run bursts.
  const handle = createDatabase({ url: database.url, poolMax: 20 });
  const services: ServiceDeps = {
    ...serviceDepsFrom(env, handle, awsConfigFrom(env), tools),
    now: clock.now,
  };
  const app = createApp({ ...appDepsFrom(env, services, pino({ level: "silent" })), mcp }, handle);
  fetchApp = (request, bindings) => app.fetch(request, bindings);
  const url = `${server.url}/mcp`;

  const steps = servicesSteps(services, "e2e");
  const acme = await onboardTenant(steps, sandbox, customer("acme", ACME, "enterprise"));
  const globex = await onboardTenant(steps, sandbox, customer("globex", GLOBEX, "starter"));
  const admin = { deps: services, actor: { kind: "admin" as const, subject: "e2e" }, requestId: "e2e" };
  await putPolicy({
    ctx: { ...admin, client: await loadClient(services.db, globex.id) },
    input: { document: GLOBEX_POLICY },
  });

  const clients: Client[] = [];
  return {
    url,
    sandbox,
    services,
    store,
    redis,
    breaker,
    acme,
    globex,
    clock,
    tools,
    async connect(apiKey, headers = {}) {
      const client = new Client({ name: "e2e", version: "1.0.0" });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(url), {
          requestInit: { headers: { Authorization: `Bearer ${apiKey}`, ...headers } },
        }),
      );
      clients.push(client);
      return client;
    },
    call: async (client, name, args = {}) => {
      const result = await client.callTool({ name, arguments: args });
      // The SDK types a result as either a tool result or a task result; tools here answer directly.
      if (!("content" in result)) throw new Error(`${name} answered without content`);
      return result as CallToolResult;
    },
    async issueKey(tenant, scopes = ["mcp:tools"]) {
      const key = await issueApiKey({
        ctx: { ...admin, client: await loadClient(services.db, tenant.id) },
        input: { name: "extra", scopes },
      });
      return { secret: key.secret, id: key.id };
    },
    putRole: (tenant, withoutActions = []) => deployRole(sandbox, tenant, { withoutActions }),
    async startReplica(replicaOptions = {}) {
      if (!replicaOptions.ownMemory) {
        const replica = createApp({ ...appDepsFrom(env, services, pino({ level: "silent" })), mcp }, handle);
        const listening = await listen(replica.fetch);
        return { url: `${listening.url}/mcp`, services, tools, close: listening.close };
      }
      const ownRedis = createRedisClient(redisUrl);
      const own = runtimeOn(ownRedis);
      const ownServices: ServiceDeps = {
        ...serviceDepsFrom(env, handle, awsConfigFrom(env), own.tools),
        now: clock.now,
      };
      const replica = createApp(
        { ...appDepsFrom(env, ownServices, pino({ level: "silent" })), mcp: { ...mcp, tools: own.tools } },
        handle,
      );
      const listening = await listen(replica.fetch);
      return {
        url: `${listening.url}/mcp`,
        services: ownServices,
        tools: own.tools,
        async close() {
          await listening.close();
          ownServices.broker.destroy();
          await ownRedis.quit().catch(() => ownRedis.disconnect());
        },
      };
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await server.close();
      await store.delByPrefix(`client:${acme.id}:`);
      await store.delByPrefix(`client:${globex.id}:`);
      await redis.quit().catch(() => redis.disconnect());
      await sandbox.stop();
      await handle.close();
      await database.drop();
    },
  };
}

/** The structured result of a successful call (fails the test with the tool's message otherwise). */
export function ok<T = Record<string, unknown>>(result: CallToolResult): T {
  if (result.isError) throw new Error(`tool error: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

export const errorText = (result: CallToolResult) => {
  if (!result.isError)
    throw new Error(`expected a tool error, got ${JSON.stringify(result.structuredContent).slice(0, 300)}`);
  return (result.content as { type: string; text: string }[]).map((c) => c.text).join("\n");
};
