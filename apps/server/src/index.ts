// Process entry: parse env, build dependencies, serve, shut down gracefully.
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { startDemo } from "./demo/start";
import { appDepsFrom, awsConfigFrom, createLogger, openDatabase, serviceDepsFrom } from "./deps";
import { parseEnv } from "./env";
import { startVerificationLoop } from "./worker/verification-loop";

async function main() {
  const env = parseEnv();
  const logger = createLogger(env);
  const demo = env.DEMO ? await startDemo(env, logger) : undefined;
  const effectiveEnv = demo?.env ?? env;
  const database = await openDatabase(effectiveEnv, logger);
  const services = serviceDepsFrom(effectiveEnv, database, awsConfigFrom(effectiveEnv));
  const deps = appDepsFrom(effectiveEnv, services, logger);
  const app = createApp(deps, database);
  const roles = new Set(
    effectiveEnv.PROCESS_ROLES === "all" ? ["api", "mcp", "worker"] : effectiveEnv.PROCESS_ROLES.split(","),
  );
  const worker = roles.has("worker")
    ? startVerificationLoop(services, logger, deps.metrics, effectiveEnv.VERIFY_INTERVAL_MS)
    : undefined;

  const server = serve({ fetch: app.fetch, port: effectiveEnv.PORT, hostname: effectiveEnv.HOST }, (info) => {
    logger.info(
      { port: info.port, host: effectiveEnv.HOST, database: database.kind, roles: [...roles] },
      "listening",
    );
  });
  if (demo) await demo.afterStart(services, deps);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    server.close();
    await worker?.stop();
    await database.close();
    await demo?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
