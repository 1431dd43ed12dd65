import { createRoute } from "@hono/zod-openapi";
import { listApiKeys, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { KeyListSchema } from "../../schemas/key";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/api-keys",
  operationId: "listApiKeys",
  tags: ["api-keys"],
  summary: "List API keys (without secrets)",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(KeyListSchema, "The client's keys"), ...clientErrors },
});

export function registerListKeys(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await listApiKeys({ ctx: clientCtxOf(c, deps) }), 200));
}
