// The one check of an admin credential, shared by the REST middleware (a bearer header) and the
// operator console's sign-in (a form field): a bootstrap token compared by SHA-256 (so a fresh install
// works before SSO), or a JWT verified with jose against an HS256 secret or the operator's JWKS,
// carrying the admin scope and an expiry within the configured maximum lifetime.
import type { Actor } from "@tagc/services";
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import type { AdminAuthConfig } from "../types";
import { timeClaimsProblem, verifyFailureMessage } from "./admin-claims";
import { bootstrapMatcher } from "./bootstrap-tokens";

export type AdminTokenCheck =
  | { ok: true; actor: Actor & { kind: "admin" }; expiresAt: Date | undefined }
  | { ok: false; code: "UNAUTHORIZED" | "FORBIDDEN"; message: string; challenge: string };

function scopesOf(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp ?? payload.scopes;
  if (typeof raw === "string") return raw.split(" ").filter(Boolean);
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === "string") : [];
}

const isClaimFailure = (error: unknown) =>
  ["ERR_JWT_EXPIRED", "ERR_JWT_CLAIM_VALIDATION_FAILED"].includes(String((error as { code?: unknown }).code));

const INVALID = 'Bearer realm="tagc-admin", error="invalid_token"';

export function adminTokenVerifier(config: AdminAuthConfig) {
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

  return async (token: string, now = new Date()): Promise<AdminTokenCheck> => {
    if (bootstrap(token, now)) {
      return { ok: true, actor: { kind: "admin", subject: "bootstrap" }, expiresAt: undefined };
    }
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      return { ok: false, code: "UNAUTHORIZED", message: verifyFailureMessage(error), challenge: INVALID };
    }
    const problem = timeClaimsProblem(payload, lifetime, Math.floor(now.getTime() / 1000));
    if (problem) return { ok: false, code: "UNAUTHORIZED", message: problem, challenge: INVALID };
    if (!scopesOf(payload).includes(config.scope)) {
      return {
        ok: false,
        code: "FORBIDDEN",
        message: `The token lacks the ${config.scope} scope.`,
        challenge: `Bearer realm="tagc-admin", error="insufficient_scope", scope="${config.scope}"`,
      };
    }
    // timeClaimsProblem has refused a token without exp, so it is a number here.
    const expiresAt = typeof payload.exp === "number" ? new Date(payload.exp * 1000) : undefined;
    return { ok: true, actor: { kind: "admin", subject: payload.sub ?? "admin" }, expiresAt };
  };
}

export type AdminTokenVerifier = ReturnType<typeof adminTokenVerifier>;
