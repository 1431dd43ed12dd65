// The customer's side of onboarding, outside /v1 and without admin auth: the link's token is the only
// credential, and the client it names is the only one these routes can show.
import { asServiceError, onboardingLinkStatus, onboardingPageView, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import type { Router } from "../routes/context";
import type { AppEnv } from "../types";
import { renderLinkErrorPage } from "./error-page";
import { renderOnboardingPage } from "./page";
import { newNonce, setPageHeaders } from "./security-headers";

export function registerOnboardingPages(app: Router, services: ServiceDeps, publicBaseUrl: string) {
  app.get("/onboard/:token", async (c) => {
    const nonce = newNonce();
    setPageHeaders(c, nonce);
    try {
      const view = await onboardingPageView(services, c.req.param("token"));
      return c.html(renderOnboardingPage(view, publicBaseUrl, nonce), 200);
    } catch (error) {
      const dead = deadLink(c, error);
      return c.html(renderLinkErrorPage(dead.expired, nonce), dead.status);
    }
  });

  app.get("/onboard/:token/status", async (c) => {
    setPageHeaders(c, newNonce());
    try {
      return c.json(await onboardingLinkStatus(services, c.req.param("token"), c.var.requestId), 200);
    } catch (error) {
      const dead = deadLink(c, error);
      return c.json(
        { error: { code: "NOT_FOUND", message: dead.message, requestId: c.var.requestId } },
        dead.status,
      );
    }
  });
}

/** A bad link is a 404 (forged, malformed, unknown or offboarded client) or a 410 (expired). */
function deadLink(c: Context<AppEnv>, error: unknown) {
  const known = asServiceError(error);
  if (known?.code !== "NOT_FOUND") throw error;
  c.set("errorCode", known.code);
  const expired = known.details?.reason === "expired_link";
  return { expired, status: expired ? (410 as const) : (404 as const), message: known.message };
}
