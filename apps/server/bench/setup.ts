// Benchmark fixture: a real server (Postgres, in-memory cache) over real HTTP, the AWS sandbox with a
// synthetic account and injected latency, and one onboarded client.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { renderRole } from "@tagc/cloudformation";
import { createTestDatabase } from "@tagc/db/testing";
import {
  createGuardrailLimiters,
  issueApiKey,
  loadClient,
  MemoryCacheStore,
  MemoryRateLimiter,
  primaryConnection,
  registerClient,
  verifyClient,
} from "@tagc/services";
import pino from "pino";
import { createApp } from "../src/app";
import { appDepsFrom, awsConfigFrom, serviceDepsFrom } from "../src/deps";
import { parseEnv } from "../src/env";
import { CONTROL_PLANE } from "./constants";
import { spawnSandbox } from "./sandbox-client";

export async function startBench(options: {
  resources: number;
  regions: number;
  latencyMs: number;
  keys: number;
}) {
  const sandbox = await spawnSandbox(options.resources, options.regions);
  const database = await createTestDatabase({ kind: "postgres" });
  const env = parseEnv({
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_ACCESS_KEY_ID: CONTROL_PLANE.access_key_id,
    AWS_SECRET_ACCESS_KEY: CONTROL_PLANE.secret_access_key,
    PUBLIC_BASE_URL: "http://127.0.0.1",
    ADMIN_BOOTSTRAP_TOKEN: "bench-admin-token-000000000000",
  });
  const services = serviceDepsFrom(env, database.handle, awsConfigFrom(env));
  const logger = pino({ level: "silent" });
  // The benchmark measures server capacity, so the per-key and per-client rate limits are lifted;
  // the loop detector and session budget stay on (the workload never repeats a call 4 times).
  const limits = {
    apiKey: { limit: 1_000_000, windowMs: 60_000 },
    client: { limit: 1_000_000, windowMs: 60_000 },
    awsRegion: { limit: 1_000, windowMs: 60_000 },
  };
  const mcp = {
    store: new MemoryCacheStore({ maxEntries: 100_000 }),
    ipLimiter: new MemoryRateLimiter({ limit: 1_000_000, windowMs: 60_000 }),
    guardrails: createGuardrailLimiters({ limits }),
    deadlineMs: 55_000,
    allowedOrigins: [],
  };
  const app = createApp({ ...appDepsFrom(env, services, logger), mcp }, database.handle);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;

  const ctx = { deps: services, actor: { kind: "admin" as const, subject: "bench" }, requestId: "bench" };
  const registration = await registerClient({
    ctx,
    input: {
      name: "Bench Corp",
      contact_email: "bench@example.com",
      tier: "enterprise",
      aws_account_id: "222222222222",
    },
  });
  const connection = await primaryConnection(services.db, registration.client.id);
  const role = renderRole({
    externalId: connection.externalId,
    roleName: connection.roleName,
    controlPlaneAccountId: "111111111111",
  });
  await sandbox.putRole("222222222222", {
    name: role.roleName,
    trust_policy: role.trustPolicy as never,
    permissions_policy: role.permissionsPolicy as never,
  });
  const client = await loadClient(services.db, registration.client.id);
  const verified = await verifyClient({ ctx: { ...ctx, client }, input: {} });
  if (verified.status !== "connected")
    throw new Error(`bench client not connected: ${JSON.stringify(verified.error)}`);
  const keys: string[] = [];
  for (let i = 0; i < options.keys; i++) {
    keys.push(
      (
        await issueApiKey({
          ctx: { ...ctx, client: await loadClient(services.db, client.id) },
          input: { name: `bench-${i}` },
        })
      ).secret,
    );
  }
  // Start from a cold credential cache, so the STS count below covers the whole run.
  services.broker.invalidate(client.id);
  await sandbox.setFaults({ latency_ms: options.latencyMs });
  await sandbox.resetCounters();
  return {
    url,
    keys,
    sandbox,
    clientId: client.id,
    services,
    async close() {
      server.close();
      sandbox.stop();
      await database.drop();
    },
  };
}
