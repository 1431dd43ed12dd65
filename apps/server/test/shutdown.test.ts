// Graceful shutdown (issue 13): the real server as a child process (tsx src/index.ts, Postgres, every
// role), the AWS sandbox slowed so scans are in flight, two tenants calling over the SDK's Client (one
// over SSE with progress) and a REST call under way. SIGTERM: readiness answers 503 shutting_down at
// once, new MCP and REST requests get 503 + Retry-After in their own error shapes, every call under way
// completes with its answer (never a socket reset or a cut stream), and the process exits 0 in the grace.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { type Sandbox, startSandbox } from "@tagc/aws-sandbox";
import { createTestDatabase, type TestDatabase } from "@tagc/db/testing";
import { createGuardrailLimiters, createToolRuntime, MemoryCacheStore } from "@tagc/services";
import { servicesSteps } from "@tagc/services/testing";
import {
  CONTROL_PLANE,
  customer,
  type OnboardedTenant,
  onboardTenant,
  publishSandboxTemplate,
} from "@tagc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsConfigFrom, serviceDepsFrom } from "../src/deps";
import { parseEnv } from "../src/env";
import { ACME, GLOBEX, seed } from "./mcp/seed";
import { OPERATOR_ENV } from "./support/operator-env";

const GRACE_MS = 15_000;
const ADMIN_TOKEN = "shutdown-admin-token-0000000000";
const ENTRY = fileURLToPath(new URL("../src/index.ts", import.meta.url));

let sandbox: Sandbox;
let database: TestDatabase;
let acme: OnboardedTenant;
let globex: OnboardedTenant;
let child: ChildProcess | undefined;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seed: seed() });
  await publishSandboxTemplate(sandbox.url);
  database = await createTestDatabase({ kind: "postgres" });
  const env = parseEnv({ ...OPERATOR_ENV, ...awsEnv() });
  const tools = createToolRuntime({
    store: new MemoryCacheStore(),
    limiters: createGuardrailLimiters({}),
    deadlineMs: 10_000,
  });
  const services = serviceDepsFrom(env, database.handle, awsConfigFrom(env), tools);
  const steps = servicesSteps(services, "shutdown");
  acme = await onboardTenant(steps, sandbox, customer("acme", ACME, "enterprise"));
  globex = await onboardTenant(steps, sandbox, customer("globex", GLOBEX, "enterprise"));
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await sandbox?.stop();
  await database?.drop();
});

function awsEnv() {
  return {
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_ACCESS_KEY_ID: CONTROL_PLANE.access_key_id,
    AWS_SECRET_ACCESS_KEY: CONTROL_PLANE.secret_access_key,
  };
}

/** Starts the server process and resolves with its base URL once it logs "listening". */
async function startServer(): Promise<string> {
  child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    env: {
      PATH: process.env.PATH,
      ...OPERATOR_ENV,
      ...awsEnv(),
      DATABASE_URL: database.url,
      PORT: "0",
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: "http://127.0.0.1",
      ADMIN_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      WORKER_INTERVAL_MS: "500",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return;
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === "listening") resolve(`http://127.0.0.1:${entry.port}`);
    });
    child!.once("exit", (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

async function connect(base: string, apiKey: string) {
  const client = new Client({ name: "shutdown", version: "1" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${apiKey}` } },
    }),
  );
  return client;
}

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "late", version: "1" } },
};

describe("SIGTERM with calls in flight", () => {
  it("turns not ready at once, refuses new work cleanly, finishes every call under way and exits 0", async () => {
    const base = await startServer();
    const clients = await Promise.all([
      connect(base, acme.apiKey),
      connect(base, acme.apiKey),
      connect(base, globex.apiKey),
    ]);
    // Every Tagging page takes 2.5 s: the scans below are still running when SIGTERM arrives.
    sandbox.setFaults({ latency_ms: 200, operation_latency_ms: { "tag:GetResources": 2500 } });
    const progress: Progress[] = [];
    const calls = [
      clients[0]!.callTool(
        { name: "check_tag_compliance", arguments: { resource_types: ["all"], force_refresh: true } },
        undefined,
        { onprogress: (p) => progress.push(p), timeout: 60_000 },
      ),
      clients[1]!.callTool({
        name: "find_untagged_resources",
        arguments: { resource_types: ["all"] },
      }),
      clients[2]!.callTool({
        name: "check_tag_compliance",
        arguments: { resource_types: ["all"], force_refresh: true },
      }),
    ].map((call) =>
      call.then(
        (result) => ({ ok: true as const, result }),
        (error: Error) => ({ ok: false as const, error }),
      ),
    );
    const rest = fetch(`${base}/v1/clients/${acme.id}/verify`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: "{}",
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const signalled = Date.now();
    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child!.kill("SIGTERM");
    // "At once" is as soon as the process has handled the signal (its event loop may be busy).
    while (!logs.some((l) => l.msg === "shutting down"))
      await new Promise((resolve) => setTimeout(resolve, 10));

    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "shutting_down" });

    const lateMcp = await fetch(`${base}/mcp`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${acme.apiKey}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify(initialize),
    });
    expect(lateMcp.status).toBe(503);
    expect(lateMcp.headers.get("retry-after")).toBe("5");
    expect(await lateMcp.json()).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 }, id: null });

    const lateRest = await fetch(`${base}/v1/clients`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(lateRest.status).toBe(503);
    expect(lateRest.headers.get("retry-after")).toBe("5");
    expect(await lateRest.json()).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });

    // Every call under way gets its whole answer: a result, not a reset socket or a cut SSE stream.
    const settled = await Promise.all(calls);
    for (const outcome of settled) {
      if (!outcome.ok) throw new Error(`call failed: ${outcome.error.message}`);
      expect(outcome.result.isError, JSON.stringify(outcome.result.content)).toBeFalsy();
      expect(outcome.result.structuredContent).toBeDefined();
    }
    expect(settled.map((s) => (s.ok ? s.result.structuredContent : {}))).toEqual([
      expect.objectContaining({ total_resources: expect.any(Number) }),
      expect.anything(),
      expect.objectContaining({ total_resources: expect.any(Number) }),
    ]);
    // The SSE call streamed progress up to its result.
    expect(progress.length).toBeGreaterThan(0);
    // Tenant isolation holds through the drain: globex's answer names none of acme's resources.
    const globexText = JSON.stringify(settled[2]);
    expect(globexText).not.toContain(ACME);
    const verified = await rest;
    expect(verified.status).toBe(200);
    expect(await verified.json()).toHaveProperty("verified");

    const code = await exited;
    const took = Date.now() - signalled;
    expect(code).toBe(0);
    expect(took).toBeLessThan(GRACE_MS);
    const shutDown = logs.find((l) => l.msg === "shut down");
    expect(shutDown).toMatchObject({ cut: 0 });
    const inFlight = logs.find((l) => l.msg === "shutting down")?.in_flight;
    expect(inFlight).toBeGreaterThanOrEqual(4);
    console.log(
      `shutdown: ${inFlight} requests in flight at SIGTERM, all answered, exit ${code} after ${took} ms`,
    );
    // New connections are refused once the process is gone: a clean ECONNREFUSED, not a hang.
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    sandbox.setFaults({});
  }, 90_000);
});
