import { createRoute } from "@hono/zod-openapi";
import { getClientStatus, type ServiceDeps } from "@tagc/services";
import { StatusSchema } from "../../schemas/client";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/status",
  operationId: "getClientStatus",
  tags: ["clients"],
  summary: "Connection health",
  description: "Status, last check, last error with a fix-it message, and the deployed template version.",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(StatusSchema, "Connection health"), ...clientErrors },
});

export function registerClientStatus(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await getClientStatus({ ctx: clientCtxOf(c, deps) }), 200));
}
