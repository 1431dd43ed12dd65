// Request id, one structured "wide event" log line per request, and HTTP metrics. The line carries
// ids only: never a body, a header value, a secret or an External ID.
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { Logger } from "pino";
import type { Metrics } from "../metrics";
import type { AppEnv } from "../types";

const REQUEST_ID = /^[\w.-]{8,128}$/;

export function observe(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId =
      incoming && REQUEST_ID.test(incoming) ? incoming : `req_${randomUUID().replaceAll("-", "")}`;
    c.set("requestId", requestId);
    c.set("logger", logger.child({ request_id: requestId }));
    c.header("x-request-id", requestId);
    await next();
    // A handler that answers with a Response of its own (the MCP route) drops the context's headers.
    if (!c.res.headers.has("x-request-id")) c.res.headers.set("x-request-id", requestId);
    const route = routePath(c, -1) || "unmatched";
    const seconds = (performance.now() - started) / 1000;
    const status = c.get("sentStatus") ?? c.res.status;
    metrics.requests.inc({ method: c.req.method, route, status: String(status) });
    metrics.duration.observe({ method: c.req.method, route }, seconds);
    const actor = c.get("actor");
    logger.info(
      {
        request_id: requestId,
        method: c.req.method,
        route,
        path: loggedPath(c.req.path),
        status,
        duration_ms: Math.round(seconds * 10_000) / 10,
        client_id: c.get("client")?.id ?? null,
        key_id: actor?.kind === "api_key" ? actor.keyId : null,
        actor: actor?.kind ?? null,
        error_code: c.get("errorCode") ?? null,
      },
      "request",
    );
  };
}

/** The onboarding link's token is a bearer credential: the log keeps the route, not the token. */
export const loggedPath = (path: string) => path.replace(/^\/onboard\/[^/]+/, "/onboard/:token");
