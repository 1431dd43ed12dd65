// The time claims of an admin JWT, checked beyond the signature: a token that never expires, or one
// minted for ten years, is a standing credential that outlives the person it was issued to.
import type { JWTPayload } from "jose";

export interface LifetimePolicy {
  /** The longest lifetime accepted: exp − iat, or exp − now for a token without iat. */
  maxLifetimeS: number;
  /** Tolerated clock difference between the issuer and this server, for nbf, iat and exp. */
  clockSkewS: number;
}

/** Why the token's time claims are refused, naming the claim; undefined when they are acceptable. */
export function timeClaimsProblem(payload: JWTPayload, policy: LifetimePolicy, nowS: number) {
  const { exp, iat } = payload;
  if (typeof exp !== "number") return "exp: the admin token must carry an expiry (exp claim).";
  if (iat !== undefined && typeof iat !== "number") return "iat: must be a NumericDate.";
  if (typeof iat === "number" && iat > nowS + policy.clockSkewS) {
    return "iat: the admin token is issued in the future; check the issuer's clock.";
  }
  // Without iat the remaining lifetime is all that can be measured, so it is held to the same bound.
  const lifetime = typeof iat === "number" ? exp - iat : exp - nowS;
  if (lifetime > policy.maxLifetimeS) {
    return `exp: the admin token's lifetime (${Math.round(lifetime)} s) exceeds the maximum of ${policy.maxLifetimeS} s.`;
  }
  return undefined;
}

/** jose's claim failures (exp, nbf, iss, aud) → a message naming the claim; anything else is generic. */
export function verifyFailureMessage(error: unknown): string {
  const claim = (error as { claim?: unknown }).claim;
  const code = (error as { code?: unknown }).code;
  if (code === "ERR_JWT_EXPIRED") return "exp: the admin token has expired.";
  if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED" && typeof claim === "string") {
    if (claim === "nbf") return "nbf: the admin token is not valid yet.";
    return `${claim}: the admin token's ${claim} claim is not accepted.`;
  }
  return "The admin token is invalid or expired.";
}
