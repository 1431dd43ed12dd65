// Admin credential: a bootstrap token compared by SHA-256 (so a fresh install works before SSO), or a
// bearer JWT verified with jose against an HS256 secret or the operator's JWKS, carrying the admin scope.
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { envelope } from "../errors";
import type { AdminAuthConfig, AppEnv } from "../types";

const sha256 = (value: string) => createHash("sha256").update(value).digest();

function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp ?? payload.scopes;
  if (typeof raw === "string") return raw.split(" ").filter(Boolean);
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === "string") : [];
}

export function adminAuth(config: AdminAuthConfig): MiddlewareHandler<AppEnv> {
  const bootstrap = config.bootstrapTokenSha256 ? Buffer.from(config.bootstrapTokenSha256, "hex") : undefined;
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;

  const verify = async (token: string) => {
    const options = {
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    };
    if (secret) {
      try {
        return (await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] })).payload;
      } catch (error) {
        if (!jwks) throw error;
      }
    }
    if (jwks) return (await jwtVerify(token, jwks, options)).payload;
    throw new Error("no JWT verifier configured");
  };

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
    if (bootstrap && timingSafeEqual(sha256(token), bootstrap)) {
      c.set("actor", { kind: "admin", subject: "bootstrap" });
      return next();
    }
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch {
      c.header("WWW-Authenticate", 'Bearer realm="tagc-admin", error="invalid_token"');
      return envelope(c, "UNAUTHORIZED", "The admin token is invalid or expired.");
    }
    if (!scopesOf(payload).includes(config.scope)) {
      c.header(
        "WWW-Authenticate",
        `Bearer realm="tagc-admin", error="insufficient_scope", scope="${config.scope}"`,
      );
      return envelope(c, "FORBIDDEN", `The token lacks the ${config.scope} scope.`);
    }
    c.set("actor", { kind: "admin", subject: payload.sub ?? "admin" });
    return next();
  };
}
