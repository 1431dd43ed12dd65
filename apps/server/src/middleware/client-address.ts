// The caller's address for the per-IP limits. Behind a load balancer the socket is the balancer, so
// X-Forwarded-For is read, but only through the hops listed in TRUSTED_PROXIES (trusted-proxies.ts).
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../types";
import { clientAddressOf, trustCheck } from "./trusted-proxies";

const socketAddress = (c: Context<AppEnv>) => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
};

/** Sets c.var.clientAddress once per request, for every limiter that keys on the caller's address. */
export function resolveClientAddress(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  const trusted = trustCheck(trustedProxies);
  return async (c, next) => {
    const forwarded = trustedProxies.length > 0 ? c.req.header("x-forwarded-for") : undefined;
    c.set("clientAddress", clientAddressOf(socketAddress(c), forwarded, trusted));
    return next();
  };
}
