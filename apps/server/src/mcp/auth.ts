// The MCP edge's own checks, in order: per-IP limit (before any database work), Origin, then the
// bearer: an API key, or an OAuth access token for this MCP URL. Fail closed: no credential, or a
// malformed, unknown, revoked or expired one → 401 with a JSON-RPC error body and WWW-Authenticate
// naming the protected resource metadata (RFC 9728), which is how an OAuth client finds the
// authorization server; all before any tool code runs.
import { authenticateApiKey, type ServiceDeps } from "@tagc/services";
import type { Context, MiddlewareHandler } from "hono";
import { looksLikeJwt } from "../oauth/access-token";
import type { OAuthServer } from "../oauth/server";
import type { AppEnv } from "../types";
import type { McpRuntime } from "./context";

const rpcError = (c: Context<AppEnv>, status: 401 | 403 | 429, code: number, message: string) =>
  c.json({ jsonrpc: "2.0", error: { code, message }, id: null }, status);

function unauthorized(c: Context<AppEnv>, challenge: string, message: string) {
  c.header("WWW-Authenticate", challenge);
  c.set("errorCode", "UNAUTHORIZED");
  return rpcError(c, 401, -32001, message);
}

/** Resolved once per request by resolveClientAddress (X-Forwarded-For only through trusted proxies). */
export const remoteAddress = (c: Context<AppEnv>): string => c.var.clientAddress ?? "unknown";

export function mcpGuard(
  services: ServiceDeps,
  runtime: McpRuntime,
  oauth?: OAuthServer,
): MiddlewareHandler<AppEnv> {
  const metadata = oauth ? `, resource_metadata="${oauth.config.resourceMetadataUrl}"` : "";
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
    if (token && oauth && looksLikeJwt(token)) {
      const caller = await oauth.verifyAccessToken(token);
      if (!caller) {
        return unauthorized(
          c,
          `Bearer realm="tagc-mcp", error="invalid_token"${metadata}`,
          "The access token is invalid, expired or revoked; sign in again.",
        );
      }
      // The tenant comes from the grant (its API key's client), never from the request.
      c.set("client", caller.client);
      c.set("actor", { kind: "api_key", keyId: caller.key.id });
      c.set("apiKey", caller.key);
      c.set("mcpCredential", { id: caller.grantId, scopes: caller.scopes });
      return next();
    }
    const auth = token
      ? await authenticateApiKey(services.db, token, services.now(), services.keys)
      : undefined;
    if (!auth?.ok) {
      return unauthorized(
        c,
        `Bearer realm="tagc-mcp"${token ? ', error="invalid_token"' : ""}${metadata}`,
        token
          ? "The API key is invalid, revoked or expired. Ask your Tag Compliance Cloud administrator for a new key."
          : "An API key or OAuth access token is required: send Authorization: Bearer <key>.",
      );
    }
    c.set("client", auth.client);
    c.set("actor", { kind: "api_key", keyId: auth.key.id });
    c.set("apiKey", auth.key);
    c.set("mcpCredential", { id: auth.key.id, scopes: auth.key.scopes });
    return next();
  };
}
