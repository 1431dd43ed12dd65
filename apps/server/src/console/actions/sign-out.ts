// POST /console/sign-out: the cookie is cleared (the guard has checked the CSRF token first).
import type { Context } from "hono";
import type { AppEnv } from "../../types";
import { endSession } from "../session";

export function signOut(c: Context<AppEnv>) {
  endSession(c);
  return c.redirect("/console/sign-in", 303);
}
