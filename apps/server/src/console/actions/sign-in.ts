// POST /console/sign-in: the token is checked by the same code as the REST admin middleware
// (middleware/admin-token.ts), then exchanged for the session cookie; the token itself is not kept.
import type { Context } from "hono";
import type { AdminTokenVerifier } from "../../middleware/admin-token";
import type { AppEnv } from "../../types";
import { formFields } from "../form";
import { signInPage } from "../pages/sign-in";
import { type SessionConfig, startSession } from "../session";

export async function signIn(c: Context<AppEnv>, verify: AdminTokenVerifier, config: SessionConfig) {
  const { token } = await formFields(c);
  if (typeof token !== "string") {
    c.set("errorCode", "INVALID_REQUEST");
    return signInPage(c, "is required: paste the bootstrap admin token or an admin JWT", 400);
  }
  const check = await verify(token.trim());
  if (!check.ok) {
    c.set("errorCode", check.code);
    return signInPage(c, check.message, check.code === "FORBIDDEN" ? 403 : 401);
  }
  await startSession(c, config, check.actor, check.expiresAt);
  return c.redirect("/console", 303);
}
