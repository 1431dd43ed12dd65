// Process entry: parse env, build dependencies, serve, shut down gracefully.
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { startIdentityCheck } from "./boot/identity-check";
import { shutDown, trackInFlight } from "./boot/shutdown";
import { startDemo } from "./demo/start";
import { appDepsFrom, awsConfigFrom, createLogger, openDatabase, serviceDepsFrom } from "./deps";
import { parseEnv } from "./env";
import {
  alertObserver,
  awsCallObserver,
  createMetrics,
  toolObserver,
  watchScanLoad,
  watchWriteQueue,
} from "./metrics";
import { createRuntime, trackRedisCircuit } from "./runtime";
import type { AppDeps } from "./types";
import { startWorker } from "./worker/job-worker";
import { notifierFrom } from "./worker/notifier";
import { startVerificationLoop } from "./worker/verification-loop";

async function main() {
  const env = parseEnv();
  const logger = createLogger(env);
  const demo = env.DEMO ? await startDemo(env, logger) : undefined;
  const effectiveEnv = demo?.env ?? env;
  const database = await openDatabase(effectiveEnv, logger);
  const metrics = createMetrics();
  const runtime = createRuntime(effectiveEnv, logger, toolObserver(metrics));
  const aws = awsConfigFrom(effectiveEnv, awsCallObserver(metrics));
  // Every AssumeRole fails if this server is not the scanner role the templates trust: say so early.
  const identity = startIdentityCheck({
    aws,
    expected: {
      platformAccountId: effectiveEnv.PLATFORM_ACCOUNT_ID,
      rolePattern: effectiveEnv.SCANNER_ROLE_PATTERN,
    },
    logger,
  });
  // Offboarding purges the tenant's memoised and cached scans through the runtime that holds them.
  const services = serviceDepsFrom(effectiveEnv, database, aws, runtime.tools, alertObserver(metrics));
  const roles = effectiveEnv.PROCESS_ROLES;
  const lifecycle = { draining: false };
  const deps: AppDeps = {
    ...appDepsFrom(effectiveEnv, services, logger, metrics),
    lifecycle,
    readiness: { ...runtime.readiness, aws_identity: identity.readiness },
    serveApi: roles.has("api"),
    ...(roles.has("mcp") ? { mcp: runtime.mcp } : {}),
  };
  if (runtime.breaker) trackRedisCircuit(runtime.breaker, deps.metrics);
  watchScanLoad(deps.metrics, runtime.tools.scans.queue);
  watchWriteQueue(deps.metrics, services.writes, services.audit);
  const app = createApp(deps, database);
  const worker = roles.has("worker")
    ? startVerificationLoop(services, logger, deps.metrics, effectiveEnv.VERIFY_INTERVAL_MS)
    : undefined;
  // Scheduled audits, daily snapshots, health checks and policy sync; the same cache as the MCP tools
  // when this process serves them (Redis in a deployment), else its own memory.
  const jobs = roles.has("worker")
    ? startWorker({
        services,
        runtime: runtime.tools,
        logger,
        metrics: deps.metrics,
        notifier: notifierFrom(effectiveEnv, logger),
        intervalMs: effectiveEnv.WORKER_INTERVAL_MS,
        concurrency: effectiveEnv.WORKER_CONCURRENCY,
        config: { dailySnapshotTime: effectiveEnv.DAILY_SNAPSHOT_TIME },
      })
    : undefined;
  if (jobs) deps.worker = jobs;

  const server = serve({ fetch: app.fetch, port: effectiveEnv.PORT, hostname: effectiveEnv.HOST }, (info) => {
    logger.info(
      { port: info.port, host: effectiveEnv.HOST, database: database.kind, roles: [...roles] },
      "listening",
    );
  });
  if (demo) await demo.afterStart(services, deps);

  const inFlight = trackInFlight(server as Server);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal, in_flight: inFlight.open }, "shutting down");
    identity.stop();
    // Whatever hangs past the grace, the process still exits before the orchestrator's SIGKILL.
    setTimeout(() => process.exit(0), effectiveEnv.SHUTDOWN_GRACE_MS + 2_000).unref();
    await shutDown({
      lifecycle,
      server: server as Server,
      inFlight,
      graceMs: effectiveEnv.SHUTDOWN_GRACE_MS,
      logger,
      onDrain: (budgetMs) => runtime.tools.pending.windDown(budgetMs),
      stopWork: (graceMs) => Promise.all([worker?.stop(), jobs?.stop({ graceMs })]),
      // Tool calls' batched audit rows and usage events, then rows held through an outage, are
      // written before the pool closes (a batch that fails now lands in the write queue).
      flushWrites: async () => {
        await Promise.all([services.audit?.flush(), services.usage?.flush()]);
        services.audit?.stop();
        services.usage?.stop();
        const unwritten = (await services.writes?.flush()) ?? 0;
        if (unwritten > 0)
          logger.error({ unwritten }, "audit and usage rows lost: the database did not return");
        services.writes?.stop();
      },
      close: async () => {
        await database.close();
        await runtime.close();
        await demo?.stop();
      },
    });
    process.exit(0);
  };
  const onSignal = (signal: string) =>
    void shutdown(signal).catch((err: Error) => {
      logger.error({ err }, "shutdown failed");
      process.exit(1);
    });
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
