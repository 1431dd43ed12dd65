// Runs the background verification sweep on a timer. Every replica may run it: the sweep's leases make
// sure a connection is verified by one replica at a time.
import { hostname } from "node:os";
import { runVerificationSweep, type ServiceDeps } from "@tagc/services";
import type { Logger } from "pino";
import type { Metrics } from "../metrics";

export function startVerificationLoop(
  deps: ServiceDeps,
  logger: Logger,
  metrics: Metrics,
  intervalMs: number,
) {
  const owner = `${hostname()}:${process.pid}`;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runVerificationSweep({ deps, owner })
      .then((result) => {
        for (const item of result.checked) metrics.verifications.inc({ status: item.status });
        if (result.checked.length || result.expired)
          logger.info({ checked: result.checked, expired: result.expired }, "verification sweep");
      })
      .catch((error: unknown) => logger.error({ err: error }, "verification sweep failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
