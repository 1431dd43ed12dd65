// The onboarding link's token: a JWT (HS256, jose) naming the client, for one purpose, expiring.
// It is a bearer capability for one page: whoever holds it sees that client's name, External ID and
// connection status, and nothing else. It carries no secret and no External ID itself.
import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { ServiceError } from "../errors";

export const LINK_PURPOSE = "onboard";
const CLIENT_ID = /^cli_[0-9A-Za-z]{10,40}$/;

const Claims = z.object({
  sub: z.string().regex(CLIENT_ID),
  purpose: z.literal(LINK_PURPOSE),
  jti: z.string().min(1),
  exp: z.number().int(),
});
export type LinkClaims = z.infer<typeof Claims>;

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signLinkToken(input: { secret: string; clientId: string; now: Date; expiresAt: Date }) {
  const jti = randomUUID();
  const token = await new SignJWT({ purpose: LINK_PURPOSE })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(input.clientId)
    .setJti(jti)
    .setIssuedAt(Math.floor(input.now.getTime() / 1000))
    .setExpirationTime(Math.floor(input.expiresAt.getTime() / 1000))
    .sign(keyOf(input.secret));
  return { token, jti };
}

/** One message for every bad token: the page must not tell a forger which part was wrong. */
export const linkNotFound = () =>
  new ServiceError("NOT_FOUND", "this onboarding link is not valid", { reason: "invalid_link" });

export const linkExpired = () =>
  new ServiceError("NOT_FOUND", "this onboarding link has expired; ask your provider for a new one", {
    reason: "expired_link",
  });

/** The claims of a genuine, unexpired link token; a forged, malformed or foreign token is NOT_FOUND. */
export async function verifyLinkToken(input: {
  secret: string;
  token: string;
  now: Date;
}): Promise<LinkClaims> {
  // A JWT is three base64url parts; anything else (or anything huge) is refused before jose parses it.
  if (input.token.length > 2048 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(input.token)) throw linkNotFound();
  try {
    // The signature is checked before exp, so an expired forgery is "not valid", never "expired".
    const { payload } = await jwtVerify(input.token, keyOf(input.secret), {
      algorithms: ["HS256"],
      currentDate: input.now,
      requiredClaims: ["sub", "exp", "jti"],
    });
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw linkNotFound();
    return claims.data;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw linkExpired();
    if (error instanceof ServiceError) throw error;
    throw linkNotFound();
  }
}
