// While the process drains for shutdown, new work is refused cleanly (503 + Retry-After, in the shape
// each edge speaks) so the caller retries on another replica, instead of starting work that the exit
// would cut. Health and metrics stay answerable: the load balancer reads "shutting_down" from them.
import type { MiddlewareHandler } from "hono";
import { envelope } from "../errors";
import type { AppEnv } from "../types";

/** Set once, at SIGTERM; read on every request. */
export interface Lifecycle {
  draining: boolean;
}

export const DRAIN_RETRY_AFTER_S = 5;
const MESSAGE = "this server is shutting down; retry the request (another replica will answer it)";

export function refuseWhileDraining(lifecycle: Lifecycle): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!lifecycle.draining || c.req.path.startsWith("/health") || c.req.path === "/metrics") return next();
    c.header("Retry-After", String(DRAIN_RETRY_AFTER_S));
    c.header("Connection", "close");
    if (c.req.path === "/mcp") {
      c.set("errorCode", "SERVICE_UNAVAILABLE");
      return c.json({ jsonrpc: "2.0", error: { code: -32000, message: MESSAGE }, id: null }, 503);
    }
    return envelope(c, "SERVICE_UNAVAILABLE", MESSAGE);
  };
}
