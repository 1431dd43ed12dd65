import { createRoute } from "@hono/zod-openapi";
import { revokeApiKey, type ServiceDeps } from "@tagc/services";
import { clientErrors, json, security } from "../../schemas/common";
import { KeyParams, KeySchema } from "../../schemas/key";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "delete",
  path: "/v1/clients/{id}/api-keys/{keyId}",
  operationId: "revokeApiKey",
  tags: ["api-keys"],
  summary: "Revoke an API key",
  description: "Effective at once on every replica (keys are looked up on each request).",
  security,
  request: { params: KeyParams },
  responses: { 200: json(KeySchema, "Revoked (idempotent)"), ...clientErrors },
});

export function registerRevokeKey(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(
      await revokeApiKey({ ctx: clientCtxOf(c, deps), input: { key_id: c.req.valid("param").keyId } }),
      200,
    ),
  );
}
