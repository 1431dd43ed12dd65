// Who may reach a console route. Every route but the sign-in form needs a valid session (a signed
// cookie, see session.ts): a page without one redirects to sign-in, a form post is refused (401).
// Every form post must come from this console twice over: its Origin (or Sec-Fetch-Site) names this
// server (hono/csrf), and its hidden token equals the session's, which a cross-site page cannot read.
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import type { AppEnv } from "../types";
import { errorPage } from "./errors";
import { CSRF_FIELD } from "./form";
import { readSession, type SessionConfig } from "./session";

/** The Origin check: the request's own origin, or PUBLIC_BASE_URL's (behind a TLS-ending proxy). */
export function sameOrigin(publicBaseUrl: string): MiddlewareHandler<AppEnv> {
  const publicOrigin = new URL(publicBaseUrl).origin;
  return csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
}

const isSignIn = (path: string) => path === "/console/sign-in";

const sameToken = (given: unknown, expected: string) => {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function requireSession(config: SessionConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isSignIn(c.req.path)) return next();
    const session = await readSession(c, config);
    const post = c.req.method !== "GET" && c.req.method !== "HEAD";
    if (!session) {
      if (!post) return c.redirect("/console/sign-in", 303);
      c.set("errorCode", "UNAUTHORIZED");
      return errorPage(c, 401, "Your console session has ended or is not valid. Sign in again.");
    }
    c.set("consoleSession", session);
    c.set("actor", { kind: "admin", subject: session.sub });
    if (post) {
      const body = await c.req.parseBody({ all: true });
      if (!sameToken(body[CSRF_FIELD], session.csrf)) {
        c.set("errorCode", "FORBIDDEN");
        return errorPage(
          c,
          403,
          `${CSRF_FIELD}: the form token is missing or stale. Reload the page and try again.`,
        );
      }
    }
    return next();
  };
}
