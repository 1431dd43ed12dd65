import { createRoute } from "@hono/zod-openapi";
import { getUsage, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { UsageQuery, UsageSchema } from "../../schemas/usage";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/usage",
  operationId: "getUsage",
  tags: ["usage"],
  summary: "Usage for a month",
  description: "Scans, unique resources scanned, regions covered, tool calls by tool, quota and remaining.",
  security,
  request: { params: ClientIdParam, query: UsageQuery },
  responses: { 200: json(UsageSchema, "Usage"), ...clientErrors },
});

export function registerGetUsage(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(await getUsage({ ctx: clientCtxOf(c, deps), input: c.req.valid("query") }), 200),
  );
}
