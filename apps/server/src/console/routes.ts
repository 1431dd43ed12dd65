// The operator console under /console: server-rendered pages and plain HTML forms (no script), each
// page or action in its own file and each calling the services verb its REST route calls. Mounted
// only with the api role, beside the admin REST it mirrors.
import { createHash } from "node:crypto";
import type { ServiceDeps } from "@tagc/services";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { adminTokenVerifier } from "../middleware/admin-token";
import { newNonce, setPageHeaders } from "../onboard/security-headers";
import type { AdminAuthConfig, AppEnv } from "../types";
import { cancelScheduleAction } from "./actions/cancel-schedule";
import { issueKeyAction } from "./actions/issue-key";
import { onboardingLinkAction } from "./actions/onboarding-link";
import { registerAction } from "./actions/register";
import { revokeGrantAction } from "./actions/revoke-grant";
import { revokeKeyAction } from "./actions/revoke-key";
import { rotateKeyAction } from "./actions/rotate-key";
import { signIn } from "./actions/sign-in";
import { signOut } from "./actions/sign-out";
import { verifyAction } from "./actions/verify";
import { errorPage, renderConsoleError } from "./errors";
import { requireSession, sameOrigin } from "./guard";
import { clientPage } from "./pages/client";
import { clientsPage } from "./pages/clients";
import { registerPage } from "./pages/register";
import { signInPage } from "./pages/sign-in";
import { resolveConsoleClient } from "./resolve-client";
import type { SessionConfig } from "./session";

// core's chart SVG carries one style attribute (so it scales in any page); only that exact value is
// admitted, by its hash, rather than 'unsafe-inline'.
const CHART_STYLE = "max-width:100%;height:auto";
const CHART_STYLE_SOURCES = [
  "'unsafe-hashes'",
  `'sha256-${createHash("sha256").update(CHART_STYLE).digest("base64")}'`,
];

export interface ConsoleDeps {
  services: ServiceDeps;
  adminAuth: AdminAuthConfig;
  session: SessionConfig;
  publicBaseUrl: string;
}

export function consoleApp({ services: s, adminAuth, session, publicBaseUrl }: ConsoleDeps) {
  const ui = new Hono<AppEnv>();
  ui.onError(renderConsoleError);
  ui.use("*", async (c, next) => {
    const nonce = newNonce();
    c.set("cspNonce", nonce);
    setPageHeaders(c, nonce, { formAction: "'self'", styleSources: CHART_STYLE_SOURCES });
    return next();
  });
  // A form is a few fields: anything bigger is refused before it is read.
  ui.use(
    "*",
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => errorPage(c, 413, "body: the form is too large") }),
  );
  ui.use("*", sameOrigin(publicBaseUrl));
  ui.use("*", requireSession(session));
  ui.use("/clients/:id", resolveConsoleClient(s));
  ui.use("/clients/:id/*", resolveConsoleClient(s));

  const verify = adminTokenVerifier(adminAuth);
  ui.get("/sign-in", (c) => signInPage(c));
  ui.post("/sign-in", (c) => signIn(c, verify, session));
  ui.post("/sign-out", (c) => signOut(c));
  ui.get("/", (c) => clientsPage(c, s));
  ui.get("/register", (c) => registerPage(c));
  ui.post("/register", (c) => registerAction(c, s));
  ui.get("/clients/:id", (c) => clientPage(c, s));
  ui.post("/clients/:id/verify", (c) => verifyAction(c, s));
  ui.post("/clients/:id/keys", (c) => issueKeyAction(c, s));
  ui.post("/clients/:id/keys/:keyId/revoke", (c) => revokeKeyAction(c, s));
  ui.post("/clients/:id/keys/:keyId/rotate", (c) => rotateKeyAction(c, s));
  ui.post("/clients/:id/oauth-grants/:grantId/revoke", (c) => revokeGrantAction(c, s));
  ui.post("/clients/:id/schedules/:scheduleId/cancel", (c) => cancelScheduleAction(c, s));
  ui.post("/clients/:id/onboarding-link", (c) => onboardingLinkAction(c, s, publicBaseUrl));
  ui.all("*", (c) => errorPage(c, 404, `no console page ${c.req.method} ${c.req.path}`));
  return ui;
}
