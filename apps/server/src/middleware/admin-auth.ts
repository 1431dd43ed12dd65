// Admin REST: the bearer header checked by the one admin credential check (admin-token.ts).
import type { MiddlewareHandler } from "hono";
import { envelope } from "../errors";
import type { AdminAuthConfig, AppEnv } from "../types";
import { adminTokenVerifier } from "./admin-token";

export function adminAuth(config: AdminAuthConfig): MiddlewareHandler<AppEnv> {
  const verify = adminTokenVerifier(config);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      c.header("WWW-Authenticate", 'Bearer realm="tagc-admin"');
      return envelope(
        c,
        "UNAUTHORIZED",
        "An admin bearer token is required (Authorization: Bearer <token>).",
      );
    }
    const check = await verify(token);
    if (!check.ok) {
      c.header("WWW-Authenticate", check.challenge);
      return envelope(c, check.code, check.message);
    }
    c.set("actor", check.actor);
    return next();
  };
}
