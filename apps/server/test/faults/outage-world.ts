// The server on the suite's own Postgres: the real app (its own env schema and factories, with the
// write queue serviceDepsFrom builds), served over HTTP, the AWS sandbox with the two hand-computed
// accounts, and two tenants onboarded the way the product does it. Guardrails are set high: this suite
// measures outages, not limits.
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { createDatabase, type DatabaseHandle } from "@tagc/db";
import { createTestDatabase } from "@tagc/db/testing";
import {
  createGuardrailLimiters,
  createToolRuntime,
  LoopDetector,
  loadClient,
  MemoryCacheStore,
  MemoryRateLimiter,
  putPolicy,
  type ServiceDeps,
  SessionBudget,
} from "@tagc/services";
import { servicesSteps } from "@tagc/services/testing";
import {
  CONTROL_PLANE,
  customer,
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
import { watchWriteQueue } from "../../src/metrics";
import type { AppDeps } from "../../src/types";
import { ACME, GLOBEX, GLOBEX_POLICY, seed } from "../mcp/seed";
import { OPERATOR_ENV } from "../support/operator-env";
import { type PrivatePostgres, startPrivatePostgres } from "./private-postgres";

export const ADMIN_TOKEN = "fault-admin-token-0000000000000000";

export interface OutageWorld {
  pg: PrivatePostgres;
  /** Base URL of the server (no trailing slash). */
  base: string;
  services: ServiceDeps;
  deps: AppDeps;
  /** The suite's own connection for counting rows (its pool survives the restart too). */
  handle: DatabaseHandle;
  acme: OnboardedTenant;
  globex: OnboardedTenant;
  close(): Promise<void>;
}

const HIGH = { limit: 1_000_000, windowMs: 60_000 };

/** Waits for `step` at most 10 s; a failure or a hang is left behind. */
const bounded = (step: Promise<unknown>) =>
  Promise.race([step.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);

export async function startOutageWorld(): Promise<OutageWorld> {
  const pg = await startPrivatePostgres();
  const sandbox: Sandbox = await startSandbox({ seed: seed() });
  await publishSandboxTemplate(sandbox.url);
  const database = await createTestDatabase({ kind: "postgres", baseUrl: pg.url });
  const env = parseEnv({
    ...OPERATOR_ENV,
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_ACCESS_KEY_ID: CONTROL_PLANE.access_key_id,
    AWS_SECRET_ACCESS_KEY: CONTROL_PLANE.secret_access_key,
    PUBLIC_BASE_URL: "https://tagc.test",
    ADMIN_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: "silent",
  });
  const tools = createToolRuntime({
    store: new MemoryCacheStore(),
    limiters: createGuardrailLimiters({ limits: { apiKey: HIGH, client: HIGH, awsRegion: HIGH } }),
    budget: new SessionBudget({ calls: 1_000_000 }),
    loop: new LoopDetector({ maxIdentical: 1_000_000 }),
    deadlineMs: 20_000,
  });
  const mcp: McpRuntime = {
    tools,
    ipLimiter: new MemoryRateLimiter(HIGH),
    allowedOrigins: ["https://tagc.test"],
    sessionSecret: env.MCP_SESSION_SECRET,
  };
  // The size a server would use: the load runs a dozen calls at once.
  const handle = createDatabase({ url: database.url, poolMax: 20 });
  const clock = new TestClock(HAND_COMPUTED_START);
  const services: ServiceDeps = {
    ...serviceDepsFrom(env, handle, awsConfigFrom(env), tools),
    now: clock.now,
  };
  const deps: AppDeps = { ...appDepsFrom(env, services, pino({ level: "silent" })), mcp };
  // As index.ts does: the queue's backlog and losses on /metrics.
  watchWriteQueue(deps.metrics, services.writes);
  const app = createApp(deps, handle);
  const server = await listen(app.fetch);

  const steps = servicesSteps(services, "fault");
  const acme = await onboardTenant(steps, sandbox, customer("acme", ACME, "enterprise"));
  const globex = await onboardTenant(steps, sandbox, customer("globex", GLOBEX, "starter"));
  const admin = { deps: services, actor: { kind: "admin" as const, subject: "fault" }, requestId: "fault" };
  await putPolicy({
    ctx: { ...admin, client: await loadClient(services.db, globex.id) },
    input: { document: GLOBEX_POLICY },
  });
  const counter = createDatabase({ url: database.url, poolMax: 2 });

  return {
    pg,
    base: server.url,
    services,
    deps,
    handle: counter,
    acme,
    globex,
    async close() {
      // Each step bounded: after the outage, ending a pool has sometimes waited past the 120 s hook
      // timeout on CI (a connection not handed back; not reproduced alone). The private Postgres is
      // destroyed whatever the pools do, so nothing outlives the suite.
      await bounded(server.close());
      services.writes?.stop();
      await bounded(sandbox.stop());
      await bounded(handle.close());
      await bounded(counter.close());
      await bounded(database.handle.close());
      await pg.destroy();
    },
  };
}
