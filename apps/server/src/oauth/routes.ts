// Where the OAuth server answers: the discovery documents (RFC 9728, RFC 8414), the consent pages,
// and everything else under /oauth handed to oidc-provider at the Node level (it is a Koa app: it
// reads the raw request and writes the raw response itself).
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { RateLimiter } from "@tagc/services";
import type { Hono } from "hono";
import type Provider from "oidc-provider";
import { envelope } from "../errors";
import { remoteAddress } from "../mcp/auth";
import type { AppEnv } from "../types";
import { registerConsent } from "./consent";
import { authorizationServerMetadata, protectedResourceMetadata } from "./metadata";
import type { OAuthServer } from "./server";
import { staleBearerKey } from "./stale-bearer-key";

export function registerOAuth(app: Hono<AppEnv>, oauth: OAuthServer, ipLimiter: RateLimiter) {
  // Registration, sign-in and token requests come before any credential: the same per-address budget
  // as /mcp bounds them (a flood of registrations or code guesses from one address stops there).
  app.use("/oauth/*", async (c, next) => {
    const ip = await ipLimiter.consume(`ip:${remoteAddress(c)}`);
    if (ip.allowed) return next();
    c.header("Retry-After", String(Math.ceil(ip.retryAfterMs / 1000)));
    c.set("errorCode", "RATE_LIMITED");
    return c.json(
      { error: "temporarily_unavailable", error_description: "Too many requests; retry later." },
      429,
    );
  });
  const resource = protectedResourceMetadata(oauth.config);
  const server = authorizationServerMetadata(oauth.config);
  // Public documents: browser-based MCP clients read them cross-origin.
  for (const path of ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"]) {
    app.get(path, (c) => {
      c.header("access-control-allow-origin", "*");
      return c.json(resource);
    });
  }
  app.get("/.well-known/oauth-authorization-server", (c) => {
    c.header("access-control-allow-origin", "*");
    return c.json(server);
  });

  registerConsent(app, oauth);
  for (const path of ["/oauth/register", "/oauth/token"]) app.post(path, staleBearerKey(oauth.services));

  const callbacks = new WeakMap<Provider, ReturnType<Provider["callback"]>>();
  app.all("/oauth/*", async (c) => {
    const env = c.env as Partial<HttpBindings> | undefined;
    if (!env?.incoming || !env.outgoing) {
      return envelope(c, "INTERNAL", "The OAuth endpoints are served only over the Node HTTP server.");
    }
    const provider = await oauth.provider();
    const callback = callbacks.get(provider) ?? provider.callback();
    callbacks.set(provider, callback);
    const { incoming, outgoing } = env;
    await new Promise<void>((resolve, reject) => {
      outgoing.once("close", resolve);
      outgoing.once("finish", resolve);
      Promise.resolve(callback(incoming, outgoing)).catch(reject);
    });
    // oidc-provider has written the response; the Node adapter must not write another. c.res stays
    // Hono's placeholder 200, so the log line and metrics take the status that was really sent.
    c.set("sentStatus", outgoing.statusCode);
    return RESPONSE_ALREADY_SENT;
  });
}
