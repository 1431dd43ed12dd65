// Helpers of the worker suites, on top of the server's shared harness (which onboards two tenants
// through REST): workers built by the product's own startWorker, and schedules created with the
// verb of the schedule_compliance_audit tool.
import { createDatabase } from "@tagc/db";
import {
  createGuardrailLimiters,
  createToolRuntime,
  loadClient,
  MemoryCacheStore,
  type Notifier,
  type ServiceDeps,
  scheduleComplianceAudit,
  type ToolRuntime,
  toolCtx,
} from "@tagc/services";
import { runTool } from "@tagc/services/testing";
import { awsConfigFrom, serviceDepsFrom } from "../../src/deps";
import { alertObserver, createMetrics, type Metrics } from "../../src/metrics";
import { startWorker, type Worker } from "../../src/worker/job-worker";
import type { Harness } from "../harness";
import { captureLogs, type LogCapture } from "../support/log-capture";

export interface TestWorker {
  worker: Worker;
  metrics: Metrics;
  logs: LogCapture;
  services: ServiceDeps;
}

/** An in-memory runtime on the given clock, as a worker without Redis has. */
const memoryRuntime = (now: () => Date): ToolRuntime =>
  createToolRuntime({
    store: new MemoryCacheStore({ now: () => now().getTime() }),
    limiters: createGuardrailLimiters({ now: () => now().getTime() }),
    deadlineMs: 30_000,
  });

/** A worker driven by hand (no timer). `own` gives it its own pool on the database: another replica. */
export function testWorker(
  h: Harness,
  now: () => Date,
  options: {
    own?: boolean;
    metrics?: Metrics;
    id?: string;
    notifier?: Notifier;
    cleanup?: (() => Promise<unknown>)[];
  } = {},
): TestWorker {
  const runtime = memoryRuntime(now);
  const metrics = options.metrics ?? createMetrics();
  // As index.ts wires it: each alert delivery attempt counted in this worker's registry.
  const alerts = { allowPrivateTargets: false, ...h.services.alerts, onDelivery: alertObserver(metrics) };
  let services: ServiceDeps = { ...h.services, now, alerts };
  if (options.own && h.database.handle.kind === "postgres") {
    const handle = createDatabase({ url: h.database.url, poolMax: 4 });
    options.cleanup?.push(() => handle.close());
    services = { ...serviceDepsFrom(h.env, handle, awsConfigFrom(h.env), runtime), now, alerts };
  }
  const logs = captureLogs("debug");
  const worker = startWorker({
    services,
    runtime,
    logger: logs.logger,
    metrics,
    notifier: options.notifier ?? { kind: "none", send: async () => undefined },
    intervalMs: 1_000,
    concurrency: 2,
    config: { dailySnapshotTime: "02:00", recheckDelayMs: 0 },
    autoStart: false,
    ...(options.id ? { id: options.id } : {}),
  });
  return { worker, metrics, logs, services };
}

export async function createSchedule(h: Harness, clientId: string, args: Record<string, unknown>) {
  const base = {
    deps: h.services,
    actor: { kind: "admin" as const, subject: "worker-test" },
    requestId: "req_worker_test",
    client: await loadClient(h.db, clientId),
  };
  const created = await runTool(toolCtx(base, memoryRuntime(h.services.now)), scheduleComplianceAudit, args);
  const [schedule] = created.schedules;
  if (!schedule) throw new Error("no schedule was created");
  return schedule;
}
