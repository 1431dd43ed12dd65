import { createRoute } from "@hono/zod-openapi";
import { getClient, type ServiceDeps } from "@tagc/services";
import { ClientDetailSchema } from "../../schemas/client";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}",
  operationId: "getClient",
  tags: ["clients"],
  summary: "Get a client with its connections",
  description:
    "Includes the onboarding link and External ID only while the connection has never been verified.",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(ClientDetailSchema, "The client"), ...clientErrors },
});

export function registerGetClient(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await getClient({ ctx: clientCtxOf(c, deps) }), 200));
}
