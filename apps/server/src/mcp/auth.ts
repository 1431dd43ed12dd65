// The MCP edge's own checks, in order: per-IP limit (before any database work), Origin, then the
// bearer API key. Fail closed: no key, a malformed, unknown, revoked or expired key → 401 with a
// JSON-RPC error body and WWW-Authenticate, before any tool code runs.
import { getConnInfo } from "@hono/node-server/conninfo";
import { authenticateApiKey, type ServiceDeps } from "@tagc/services";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../types";
import type { McpRuntime } from "./context";

const rpcError = (c: Context<AppEnv>, status: 401 | 403 | 429, code: number, message: string) =>
  c.json({ jsonrpc: "2.0", error: { code, message }, id: null }, status);

function remoteAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function mcpGuard(services: ServiceDeps, runtime: McpRuntime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ip = await runtime.ipLimiter.consume(`ip:${remoteAddress(c)}`);
    if (!ip.allowed) {
      c.header("Retry-After", String(Math.ceil(ip.retryAfterMs / 1000)));
      c.set("errorCode", "RATE_LIMITED");
      return rpcError(c, 429, -32000, "Too many requests from this address; retry later.");
    }
    const origin = c.req.header("origin");
    if (origin && !runtime.allowedOrigins.includes(origin)) {
      c.set("errorCode", "FORBIDDEN");
      return rpcError(c, 403, -32000, `Origin ${origin.slice(0, 100)} is not allowed.`);
    }
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const auth = token ? await authenticateApiKey(services.db, token, services.now()) : undefined;
    if (!auth?.ok) {
      c.header("WWW-Authenticate", `Bearer realm="tagc-mcp"${token ? ', error="invalid_token"' : ""}`);
      c.set("errorCode", "UNAUTHORIZED");
      return rpcError(
        c,
        401,
        -32001,
        token
          ? "The API key is invalid, revoked or expired. Ask your Tag Compliance Cloud administrator for a new key."
          : "An API key is required: send Authorization: Bearer <key>.",
      );
    }
    c.set("client", auth.client);
    c.set("actor", { kind: "api_key", keyId: auth.key.id });
    c.set("apiKey", auth.key);
    return next();
  };
}
