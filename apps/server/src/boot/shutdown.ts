// Graceful shutdown on SIGTERM, within one grace period (ECS waits 30 s before SIGKILL): readiness
// turns "shutting_down" and new requests are refused at once (the listener stays open meanwhile, so
// the load balancer can read that); requests under way, SSE progress streams and the scans they wait
// for finish; jobs finish or their leases are released; queued audit and usage writes are flushed;
// then the listener and the pools close. Whatever is still open when the grace runs out is closed.
import type { Server } from "node:http";
import type { Logger } from "pino";
import type { Lifecycle } from "../middleware/draining";

/**
 * Counts responses not yet finished (a streamed body counts until its last byte or the client leaves).
 * An MCP client's GET /mcp stream only listens for server-initiated messages and carries no work, so
 * it is not waited for: it is closed with the listener, and the client reconnects elsewhere.
 */
export function trackInFlight(server: Server) {
  let open = 0;
  let idle: (() => void)[] = [];
  server.on("request", (req, res) => {
    if (req.method === "GET" && req.url?.split("?")[0] === "/mcp") return;
    open += 1;
    res.once("close", () => {
      open -= 1;
      if (open > 0) return;
      for (const resolve of idle) resolve();
      idle = [];
    });
  });
  return {
    get open() {
      return open;
    },
    idle: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
  };
}

export interface ShutdownSteps {
  lifecycle: Lifecycle;
  server: Server;
  inFlight: ReturnType<typeof trackInFlight>;
  graceMs: number;
  logger: Logger;
  /** Told the budget at once: calls waiting for a scan answer "still running" before it runs out. */
  onDrain?: (budgetMs: number) => void;
  /** Background work that stops within a budget (jobs release the leases they cannot finish). */
  stopWork: (graceMs: number) => Promise<unknown>;
  /** Queued audit and usage writes, made before the database closes. */
  flushWrites?: (() => Promise<unknown>) | undefined;
  /** Pools and clients, closed last. */
  close: () => Promise<unknown>;
}

/** Time kept back from the grace for releasing leases, flushing writes and closing pools. */
const CLOSE_RESERVE_MS = 2_000;

export async function shutDown(steps: ShutdownSteps): Promise<void> {
  const started = Date.now();
  steps.lifecycle.draining = true;
  const budget = Math.max(0, steps.graceMs - CLOSE_RESERVE_MS);
  const inFlightAtStart = steps.inFlight.open;
  // A second is left for those answers to be written before the budget ends.
  steps.onDrain?.(budget - 1_000);
  const timedOut = Symbol("timeout");
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), budget);
  });
  const [requests] = await Promise.all([
    Promise.race([steps.inFlight.idle(), deadline]),
    steps.stopWork(budget).catch((err) => steps.logger.error({ err }, "stopping background work failed")),
  ]);
  clearTimeout(timer);
  const cut = requests === timedOut ? steps.inFlight.open : 0;
  // New connections are refused from here; what is left open is idle keep-alive sockets, listen-only
  // MCP streams and, past the grace, requests that outlived it (logged: the one case a caller sees a
  // cut response).
  steps.server.close();
  steps.server.closeAllConnections();
  await steps.flushWrites?.()?.catch((err) => steps.logger.error({ err }, "flushing writes failed"));
  await steps.close();
  steps.logger[cut ? "warn" : "info"](
    { in_flight_at_start: inFlightAtStart, cut, duration_ms: Date.now() - started },
    "shut down",
  );
}
