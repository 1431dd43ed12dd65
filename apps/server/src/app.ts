// The one app factory: middleware, routes, error handling and the OpenAPI document.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { DatabaseHandle } from "@tagc/db";
import { consoleApp } from "./console/routes";
import { describeZodError, envelope, renderError } from "./errors";
import { registerMcp } from "./mcp/route";
import { adminAuth } from "./middleware/admin-auth";
import { restBodyLimit, restJsonDepth } from "./middleware/body-guard";
import { resolveClient } from "./middleware/client";
import { resolveClientAddress } from "./middleware/client-address";
import { refuseWhileDraining } from "./middleware/draining";
import { observe } from "./middleware/observe";
import { registerOAuth } from "./oauth/routes";
import { createOAuthServer } from "./oauth/server";
import { registerOnboardingPages } from "./onboard/routes";
import { registerListAudit } from "./routes/audit/list";
import { registerDeleteClient } from "./routes/clients/delete";
import { registerGetClient } from "./routes/clients/get";
import { registerListClients } from "./routes/clients/list";
import { registerOnboardingLink } from "./routes/clients/onboarding-link";
import { registerRegisterClient } from "./routes/clients/register";
import { registerClientStatus } from "./routes/clients/status";
import { registerVerifyClient } from "./routes/clients/verify";
import { registerDocsAssets } from "./routes/docs/assets";
import { OPENAPI_PATH, registerDocsPage } from "./routes/docs/page";
import { registerGetDownload } from "./routes/downloads/get";
import { registerIssueKey } from "./routes/keys/issue";
import { registerListKeys } from "./routes/keys/list";
import { registerRevokeKey } from "./routes/keys/revoke";
import { registerRotateKey } from "./routes/keys/rotate";
import { registerListOAuthGrants } from "./routes/oauth-grants/list";
import { registerRevokeOAuthGrant } from "./routes/oauth-grants/revoke";
import { registerGetPolicy } from "./routes/policy/get";
import { registerPutPolicy } from "./routes/policy/put";
import { registerCancelSchedule } from "./routes/schedules/cancel";
import { registerListScheduleDeliveries } from "./routes/schedules/deliveries";
import { registerListSchedules } from "./routes/schedules/list";
import { registerSystemRoutes } from "./routes/system";
import { registerGetUsage } from "./routes/usage/get";
import type { AppDeps, AppEnv } from "./types";

export function createApp(deps: AppDeps, database: Pick<DatabaseHandle, "ping">) {
  const app = new OpenAPIHono<AppEnv>({
    // Every validation failure answers the one envelope, naming the fields and what is allowed.
    defaultHook: (result, c) => {
      if (!result.success) {
        const { message, fields } = describeZodError(result.error);
        return envelope(c, "INVALID_REQUEST", message, { fields });
      }
    },
  });

  app.use("*", observe(deps.logger, deps.metrics));
  if (deps.lifecycle) app.use("*", refuseWhileDraining(deps.lifecycle));
  app.use("*", resolveClientAddress(deps.trustedProxies ?? []));
  app.use("/v1/*", restBodyLimit(), restJsonDepth());
  app.onError(renderError);
  app.notFound((c) => envelope(c, "NOT_FOUND", `no route ${c.req.method} ${c.req.path}`));

  registerSystemRoutes(app, deps, database);
  // Whichever replica a tool call made the URL on, any role serves it: the file is in the database.
  registerGetDownload(app, deps.services);
  if (deps.mcp) {
    // OAuth 2.1 for /mcp (claude.ai's connectors): tokens for the MCP URL, checked by the MCP guard.
    const oauth = createOAuthServer(deps.services, deps.publicBaseUrl, deps.mcp.sessionSecret);
    registerOAuth(app, oauth, deps.mcp.ipLimiter);
    registerMcp(app, deps.services, deps.mcp, deps.version, oauth);
  }

  // A replica started without the api role (PROCESS_ROLES) serves no admin REST at all.
  if (deps.serveApi !== false) {
    const admin = adminAuth(deps.adminAuth);
    app.use("/v1/clients", admin);
    app.use("/v1/clients/*", admin);
    app.use("/v1/clients/:id", resolveClient(deps.services));
    app.use("/v1/clients/:id/*", resolveClient(deps.services));

    const s = deps.services;
    registerRegisterClient(app, s);
    registerListClients(app, s);
    registerGetClient(app, s);
    registerClientStatus(app, s);
    registerVerifyClient(app, s);
    registerOnboardingLink(app, s, deps.publicBaseUrl);
    registerDeleteClient(app, s);
    registerIssueKey(app, s);
    registerListKeys(app, s);
    registerRevokeKey(app, s);
    registerRotateKey(app, s);
    registerListOAuthGrants(app, s);
    registerRevokeOAuthGrant(app, s);
    registerGetPolicy(app, s);
    registerPutPolicy(app, s);
    registerGetUsage(app, s);
    registerListAudit(app, s);
    registerListSchedules(app, s);
    registerCancelSchedule(app, s);
    registerListScheduleDeliveries(app, s);
    // The customer's page belongs with the api role; its token is its only credential.
    registerOnboardingPages(app, s, deps.publicBaseUrl);
    // The operator's pages: the same verbs as the admin REST above, behind a session cookie.
    if (deps.console) {
      const session = deps.console;
      app.route(
        "/console",
        consoleApp({ services: s, adminAuth: deps.adminAuth, session, publicBaseUrl: deps.publicBaseUrl }),
      );
    }
  }

  app.openAPIRegistry.registerComponent("securitySchemes", "adminBearer", {
    type: "http",
    scheme: "bearer",
    description: "An admin JWT with the admin scope, or the bootstrap admin token",
  });
  const documentConfig = {
    openapi: "3.1.0",
    info: {
      title: "Tag Compliance Cloud",
      version: deps.version,
      description: [
        "The operator's control plane: clients, AWS onboarding, API keys, policies, usage and audit.",
        "",
        "Every `/v1/clients…` operation needs **an admin credential** as `Authorization: Bearer <token>`:",
        "the bootstrap token (`ADMIN_BOOTSTRAP_TOKEN`) or a JWT with the admin scope. Errors share one",
        'envelope: `{"error":{"code","message","requestId"}}`.',
      ].join("\n"),
    },
    servers: [{ url: deps.publicBaseUrl }],
  };
  app.doc31(OPENAPI_PATH, documentConfig);
  registerDocsPage(app, documentConfig.info.title, deps.publicBaseUrl);
  registerDocsAssets(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
