import { createRoute } from "@hono/zod-openapi";
import { deleteClient, type ServiceDeps } from "@tagc/services";
import { DeletedSchema } from "../../schemas/client";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "delete",
  path: "/v1/clients/{id}",
  operationId: "deleteClient",
  tags: ["clients"],
  summary: "Offboard a client",
  description:
    "Revokes keys, drops cached credentials and scan data, stops schedules. Audit and usage are kept for the retention period. The customer's AWS account is not touched: they delete the stack.",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(DeletedSchema, "Offboarded (idempotent)"), ...clientErrors },
});

export function registerDeleteClient(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await deleteClient({ ctx: clientCtxOf(c, deps) }), 200));
}
