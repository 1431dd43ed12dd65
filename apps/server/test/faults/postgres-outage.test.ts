// Postgres stopped for 10 s under a bounded load of MCP and REST calls from two tenants (issue 13,
// "Must be true"): no HTTP 500; every failure a 503 with Retry-After (a JSON-RPC error echoing the
// request's id on /mcp, the error envelope on REST); readiness turns 503 at once; and after recovery
// every successful call has its audit row (and every successful scan its usage row), under its own
// tenant only. The suite's own Postgres is stopped (private-postgres.ts), never the shared one.
import { auditEvents, usageEvents } from "@tagc/db";
import { scanIdempotencyKey } from "@tagc/services";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type OutageWorld, startOutageWorld } from "./outage-world";

const OUTAGE_MS = 10_000;
const BEFORE_MS = 3_000;
const AFTER_MS = 5_000;
const WORKERS_PER_TENANT = 4;

type Slug = "acme" | "globex";
interface Call {
  slug: Slug;
  kind: "mcp" | "rest";
  tool?: string;
  requestId: string;
  status: number;
  ok: boolean;
  /** Why the answer is wrong, when it is (a 500, a 503 without Retry-After, a wrong body…). */
  problem?: string;
  during: boolean;
}

let w: OutageWorld;
const calls: Call[] = [];
const readiness: { status: number; ms: number }[] = [];
let wallMs = 0;
let cpu: NodeJS.CpuUsage = { user: 0, system: 0 };

const TOOLS = [
  { name: "get_tagging_policy", arguments: {} },
  { name: "check_tag_compliance", arguments: { resource_types: ["all"] } },
  { name: "get_tagging_policy", arguments: {} },
] as const;

async function mcpCall(slug: Slug, n: number, during: () => boolean): Promise<Call> {
  const tenant = w[slug];
  const tool = TOOLS[n % TOOLS.length] ?? TOOLS[0];
  const requestId = `fault-${slug}-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const id = n;
  const res = await fetch(`${w.base}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${tenant.apiKey}`,
      "mcp-protocol-version": "2025-06-18",
      "x-request-id": requestId,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: tool }),
  });
  const text = await res.text();
  const call: Call = {
    slug,
    kind: "mcp",
    tool: tool.name,
    requestId,
    status: res.status,
    ok: false,
    during: during(),
  };
  let body: {
    id?: unknown;
    result?: { isError?: boolean; structuredContent?: unknown };
    error?: { code?: unknown; message?: unknown };
  } = {};
  try {
    body = JSON.parse(text);
  } catch {
    call.problem = `not JSON: ${text.slice(0, 120)}`;
    return call;
  }
  if (res.status === 200) {
    if (body.result && !body.result.isError) {
      const other = slug === "acme" ? w.globex : w.acme;
      const answer = JSON.stringify(body.result.structuredContent);
      if (answer.includes(other.accountId) || answer.includes(other.id))
        call.problem = "answer holds the other tenant's data";
      call.ok = true;
    } else call.problem = `200 without a result: ${text.slice(0, 200)}`;
  } else if (res.status === 503) {
    const retryAfter = Number(res.headers.get("retry-after"));
    if (!(retryAfter > 0)) call.problem = "503 without Retry-After";
    else if (body.id !== id || typeof body.error?.code !== "number" || typeof body.error.message !== "string")
      call.problem = `503 without a JSON-RPC error for id ${id}: ${text.slice(0, 200)}`;
  } else call.problem = `HTTP ${res.status}: ${text.slice(0, 200)}`;
  return call;
}

async function restCall(slug: Slug, n: number, during: () => boolean): Promise<Call> {
  const requestId = `fault-rest-${slug}-${n}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await fetch(`${w.base}/v1/clients/${w[slug].id}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "x-request-id": requestId },
  });
  const body = (await res.json().catch(() => ({}))) as {
    id?: string;
    error?: { code?: string; requestId?: string };
  };
  const call: Call = { slug, kind: "rest", requestId, status: res.status, ok: false, during: during() };
  if (res.status === 200) {
    call.ok = body.id === w[slug].id;
    if (!call.ok) call.problem = "REST answered another client";
  } else if (res.status === 503) {
    if (!(Number(res.headers.get("retry-after")) > 0)) call.problem = "503 without Retry-After";
    else if (body.error?.code !== "SERVICE_UNAVAILABLE" || body.error.requestId !== requestId)
      call.problem = `503 without the envelope: ${JSON.stringify(body).slice(0, 200)}`;
  } else call.problem = `HTTP ${res.status}: ${JSON.stringify(body).slice(0, 200)}`;
  return call;
}

beforeAll(async () => {
  w = await startOutageWorld();
  // Warm each tenant's scan (cached in memory) so the load measures the database, not AWS walks.
  for (const slug of ["acme", "globex"] as const) {
    const warm = await mcpCall(slug, 1, () => false);
    expect(warm.problem).toBeUndefined();
    calls.push(warm);
  }

  let running = true;
  let down = false;
  const during = () => down;
  const worker = async (slug: Slug, index: number) => {
    for (let n = 100 + index * 100_000; running; n++) {
      calls.push(await (n % 5 === 0 ? restCall(slug, n, during) : mcpCall(slug, n, during)));
    }
  };
  const probe = async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${w.base}/health/ready`);
      readiness.push({ status: res.status, ms: performance.now() - started });
      queueSeries.push(w.services.writes?.stats.queued ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const load = [
    ...Array.from({ length: WORKERS_PER_TENANT }, (_, i) => worker("acme", i)),
    ...Array.from({ length: WORKERS_PER_TENANT }, (_, i) => worker("globex", i)),
  ];
  const watching = probe();
  await new Promise((resolve) => setTimeout(resolve, BEFORE_MS));
  await w.pg.stop();
  down = true;
  const outageStart = readiness.length;
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  readinessDuring = readiness.slice(outageStart);
  queuedAtEnd = await queueGauge();
  await w.pg.start();
  down = false;
  await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
  running = false;
  await Promise.all([...load, watching]);
  wallMs = performance.now() - started;
  cpu = process.cpuUsage(cpuStart);
  // What the queue still holds is written now (as shutdown does).
  for (let tries = 0; tries < 40 && (w.services.writes?.stats.queued ?? 0) > 0; tries++) {
    await w.services.writes?.flush();
    if ((w.services.writes?.stats.queued ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

let readinessDuring: { status: number; ms: number }[] = [];
let queuedAtEnd = 0;
const queueSeries: number[] = [];

/** tagc_write_queue_records as /metrics reports it. */
async function queueGauge(): Promise<number> {
  const text = await (await fetch(`${w.base}/metrics`)).text();
  return Number(/^tagc_write_queue_records (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

afterAll(async () => {
  await w?.close();
});

describe("Postgres stopped for 10 s under load", () => {
  it("answers no 500 and every failure is a 503 with Retry-After in the right body", () => {
    const made = calls.length;
    const failed = calls.filter((c) => !c.ok);
    const problems = calls.filter((c) => c.problem).map((c) => `${c.kind} ${c.tool ?? ""} ${c.problem}`);
    console.log(
      `[postgres-outage] calls=${made} ok=${made - failed.length} failed_503=${failed.filter((c) => c.status === 503).length}` +
        ` (during outage: ${calls.filter((c) => c.during).length} calls, ${failed.filter((c) => c.during).length} failed)` +
        ` http_500=${calls.filter((c) => c.status >= 500 && c.status !== 503).length} wall_ms=${Math.round(wallMs)}` +
        ` cpu_user_ms=${Math.round(cpu.user / 1000)} cpu_system_ms=${Math.round(cpu.system / 1000)}`,
    );
    expect(problems.slice(0, 5)).toEqual([]);
    expect(calls.filter((c) => c.status === 500)).toHaveLength(0);
    expect(failed.every((c) => c.status === 503)).toBe(true);
    // The outage was real: calls failed while it lasted, and calls succeeded before and after it.
    expect(failed.filter((c) => c.during).length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.ok && !c.during).length).toBeGreaterThan(50);
    const after = calls.slice(-20);
    expect(after.every((c) => c.ok)).toBe(true);
  });

  it("turns not ready at once while the database is down, and ready again after", () => {
    expect(readinessDuring.length).toBeGreaterThan(10);
    // The first probe may have started before the stop; every later one answers 503, fast.
    const settled = readinessDuring.slice(1);
    expect(settled.every((r) => r.status === 503)).toBe(true);
    const slowest = Math.max(...settled.map((r) => r.ms));
    console.log(
      `[postgres-outage] readiness probes during outage=${settled.length} slowest_ms=${Math.round(slowest)}`,
    );
    expect(slowest).toBeLessThan(1_500);
    expect(readiness.at(-1)?.status).toBe(200);
  });

  it("loses no audit or usage row, and each tenant's rows are its own", async () => {
    // Tool calls' audit rows wait in the batch (or went to the queue when a flush failed): both are
    // flushed, as a graceful shutdown would, before the database is read.
    await Promise.all([w.services.audit?.flush(), w.services.usage?.flush()]);
    await w.services.writes?.flush();
    // The queue held rows through the outage (the metric showed them) and has written them all.
    expect(queuedAtEnd).toBeGreaterThan(0);
    expect(await queueGauge()).toBe(0);
    expect(w.services.writes?.stats.written).toBeGreaterThan(0);
    expect(w.services.writes?.stats).toMatchObject({ queued: 0, dropped: 0 });
    const db = w.handle.db;
    let expectedAudit = 0;
    let foundAudit = 0;
    let expectedUsage = 0;
    let foundUsage = 0;
    for (const slug of ["acme", "globex"] as const) {
      const tenant = w[slug];
      const other = slug === "acme" ? w.globex : w.acme;
      const succeeded = calls.filter((c) => c.slug === slug && c.kind === "mcp" && c.ok);
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.clientId, tenant.id), like(auditEvents.requestId, `fault-${slug}-%`)));
      const okRows = new Map(rows.filter((r) => r.outcome === "ok").map((r) => [r.requestId, r]));
      expectedAudit += succeeded.length;
      foundAudit += succeeded.filter((c) => okRows.has(c.requestId)).length;
      // One row per call: a queued row written twice would show here.
      expect(new Set(rows.map((r) => r.requestId)).size).toBe(rows.length);
      expect(succeeded.filter((c) => !okRows.has(c.requestId)).map((c) => c.requestId)).toEqual([]);
      expect(rows.every((r) => r.apiKeyId === tenant.keyId)).toBe(true);
      // The other tenant's audit holds none of this tenant's calls.
      const foreign = await db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.clientId, other.id), like(auditEvents.requestId, `fault-${slug}-%`)));
      expect(foreign).toEqual([]);

      const scans = await db
        .select({ key: usageEvents.idempotencyKey, metadata: usageEvents.metadata })
        .from(usageEvents)
        .where(and(eq(usageEvents.clientId, tenant.id), eq(usageEvents.kind, "scan")));
      const keys = new Set(scans.map((s) => s.key));
      const accounts = [
        ...new Set(scans.map((s) => String((s.metadata as { account_id?: unknown }).account_id))),
      ];
      const scanned = succeeded.filter((c) => c.tool === "check_tag_compliance");
      const metered = scanned.filter((c) =>
        accounts.some((account) => keys.has(scanIdempotencyKey(tenant.id, c.requestId, account))),
      );
      expectedUsage += scanned.length;
      foundUsage += metered.length;
      expect(metered.length).toBe(scanned.length);
      expect(accounts.every((account) => !account.includes(other.accountId))).toBe(true);
    }
    console.log(`[postgres-outage] queue length every 250 ms: ${queueSeries.join(",")}`);
    console.log(
      `[postgres-outage] audit rows expected=${expectedAudit} found=${foundAudit}; usage scan rows expected=${expectedUsage} found=${foundUsage}; queue held=${queuedAtEnd} at the outage's end, written=${w.services.writes?.stats.written} dropped=${w.services.writes?.stats.dropped}`,
    );
    expect(foundAudit).toBe(expectedAudit);
    expect(foundUsage).toBe(expectedUsage);
  });
});
