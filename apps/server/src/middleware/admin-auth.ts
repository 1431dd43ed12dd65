// Admin credential: a bootstrap token compared by SHA-256 (so a fresh install works before SSO), or a
// bearer JWT verified with jose against an HS256 secret or the operator's JWKS, carrying the admin scope
// and an expiry within the configured maximum lifetime.
import type { MiddlewareHandler } from "hono";
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { envelope } from "../errors";
import type { AdminAuthConfig, AppEnv } from "../types";
import { timeClaimsProblem, verifyFailureMessage } from "./admin-claims";
import { bootstrapMatcher } from "./bootstrap-tokens";

function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp ?? payload.scopes;
  if (typeof raw === "string") return raw.split(" ").filter(Boolean);
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === "string") : [];
}

const isClaimFailure = (error: unknown) =>
  ["ERR_JWT_EXPIRED", "ERR_JWT_CLAIM_VALIDATION_FAILED"].includes(String((error as { code?: unknown }).code));

export function adminAuth(config: AdminAuthConfig): MiddlewareHandler<AppEnv> {
  const bootstrap = bootstrapMatcher(config.bootstrapTokens);
  const lifetime = { maxLifetimeS: config.maxLifetimeS, clockSkewS: config.clockSkewS };
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;

  const verify = async (token: string) => {
    const options = {
      // exp and nbf are checked by jose with the skew; iat and the lifetime by timeClaimsProblem.
      clockTolerance: config.clockSkewS,
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    };
    if (secret) {
      try {
        return (await jwtVerify(token, secret, { ...options, algorithms: ["HS256"] })).payload;
      } catch (error) {
        // A good signature with a refused claim is this issuer's token: say which claim, not "try JWKS".
        if (!jwks || isClaimFailure(error)) throw error;
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
    const now = new Date();
    if (bootstrap(token, now)) {
      c.set("actor", { kind: "admin", subject: "bootstrap" });
      return next();
    }
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      c.header("WWW-Authenticate", 'Bearer realm="tagc-admin", error="invalid_token"');
      return envelope(c, "UNAUTHORIZED", verifyFailureMessage(error));
    }
    const problem = timeClaimsProblem(payload, lifetime, Math.floor(now.getTime() / 1000));
    if (problem) {
      c.header("WWW-Authenticate", 'Bearer realm="tagc-admin", error="invalid_token"');
      return envelope(c, "UNAUTHORIZED", problem);
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
