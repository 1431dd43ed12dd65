import { createRoute } from "@hono/zod-openapi";
import { listOAuthGrants, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { OAuthGrantListSchema } from "../../schemas/oauth-grant";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/oauth-grants",
  operationId: "listOAuthGrants",
  tags: ["oauth-grants"],
  summary: "List the client's OAuth grants (connected MCP apps such as claude.ai)",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(OAuthGrantListSchema, "The client's live grants"), ...clientErrors },
});

export function registerListOAuthGrants(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await listOAuthGrants({ ctx: clientCtxOf(c, deps) }), 200));
}
