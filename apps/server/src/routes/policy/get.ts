import { createRoute } from "@hono/zod-openapi";
import { getPolicy, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { PolicySchema } from "../../schemas/policy";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/policy",
  operationId: "getPolicy",
  tags: ["policy"],
  summary: "The client's tagging policy",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(PolicySchema, "The current policy version"), ...clientErrors },
});

export function registerGetPolicy(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await getPolicy({ ctx: clientCtxOf(c, deps) }), 200));
}
