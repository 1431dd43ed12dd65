// The operator console's session: a signed cookie holding who signed in, when the session ends and
// its CSRF token. Nothing is stored server-side; the HMAC (hono/cookie, keyed per purpose from
// CONSOLE_SESSION_SECRET) is what makes it a credential, and the end inside the signed value is
// checked on every request, so a cookie replayed past its Max-Age is refused too.
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@tagc/services";
import type { Context } from "hono";
import { deleteCookie, generateSignedCookie, getSignedCookie } from "hono/cookie";
import { z } from "zod";
import type { AppEnv } from "../types";

/**
 * `__Secure-` (not `__Host-`): a __Host- cookie must have Path=/, and this one is kept to /console so
 * no other route of the server ever receives it.
 */
const COOKIE = "tagc_console";
export const SESSION_COOKIE = `__Secure-${COOKIE}`;
export const CONSOLE_PATH = "/console";

const Session = z.object({
  sub: z.string().min(1),
  /** The end, in seconds since the epoch. */
  exp: z.number().int(),
  csrf: z.string().min(16),
});
export type ConsoleSession = z.infer<typeof Session>;

export interface SessionConfig {
  sessionSecret: string;
  sessionTtlS: number;
}

// Domain separation: a key for this one purpose, so no other token signed with the same shared
// secret (onboarding links, MCP session ids, download URLs) can be replayed as a session.
const keyOf = (secret: string) =>
  createHash("sha256").update("tagc:console-session:v1\0").update(secret).digest("hex");

const cookieOptions = { path: CONSOLE_PATH, secure: true, httpOnly: true, sameSite: "Strict" } as const;

/** The Set-Cookie value of a session (exported so tests can present an expired one). */
export function sessionCookie(config: SessionConfig, session: ConsoleSession, nowS: number) {
  const value = Buffer.from(JSON.stringify(session)).toString("base64url");
  return generateSignedCookie(COOKIE, value, keyOf(config.sessionSecret), {
    ...cookieOptions,
    maxAge: Math.max(0, session.exp - nowS),
    prefix: "secure",
  });
}

/** Signs in `actor` until the configured lifetime ends, or the admin JWT's own exp if sooner. */
export async function startSession(
  c: Context<AppEnv>,
  config: SessionConfig,
  actor: Actor & { kind: "admin" },
  tokenExpiresAt: Date | undefined,
) {
  const nowS = Math.floor(Date.now() / 1000);
  const tokenEndS = tokenExpiresAt ? Math.floor(tokenExpiresAt.getTime() / 1000) : Number.POSITIVE_INFINITY;
  const exp = Math.min(nowS + config.sessionTtlS, tokenEndS);
  const session: ConsoleSession = { sub: actor.subject, exp, csrf: randomBytes(24).toString("base64url") };
  c.header("set-cookie", await sessionCookie(config, session, nowS), { append: true });
  return session;
}

/** The signed-in session, or undefined for none, a forged or altered cookie, or one past its end. */
export async function readSession(
  c: Context<AppEnv>,
  config: SessionConfig,
): Promise<ConsoleSession | undefined> {
  const value = await getSignedCookie(c, keyOf(config.sessionSecret), COOKIE, "secure");
  if (!value) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const session = Session.safeParse(decoded);
  if (!session.success || session.data.exp <= Math.floor(Date.now() / 1000)) return undefined;
  return session.data;
}

export function endSession(c: Context<AppEnv>) {
  deleteCookie(c, COOKIE, { ...cookieOptions, prefix: "secure" });
}
