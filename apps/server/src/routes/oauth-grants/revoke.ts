import { createRoute } from "@hono/zod-openapi";
import { revokeOAuthGrant, type ServiceDeps } from "@tagc/services";
import { clientErrors, json, security } from "../../schemas/common";
import { OAuthGrantParams, RevokedOAuthGrantSchema } from "../../schemas/oauth-grant";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "delete",
  path: "/v1/clients/{id}/oauth-grants/{grantId}",
  operationId: "revokeOAuthGrant",
  tags: ["oauth-grants"],
  summary: "Revoke an OAuth grant",
  description:
    "Deletes the grant with its refresh tokens; its access tokens are refused from the next /mcp request on every replica.",
  security,
  request: { params: OAuthGrantParams },
  responses: { 200: json(RevokedOAuthGrantSchema, "Revoked"), ...clientErrors },
});

export function registerRevokeOAuthGrant(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(
      await revokeOAuthGrant({
        ctx: clientCtxOf(c, deps),
        input: { grant_id: c.req.valid("param").grantId },
      }),
      200,
    ),
  );
}
