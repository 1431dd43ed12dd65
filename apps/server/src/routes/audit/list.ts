import { createRoute } from "@hono/zod-openapi";
import { listAudit, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { AuditListSchema, PageQuery } from "../../schemas/usage";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/audit",
  operationId: "listAuditEvents",
  tags: ["audit"],
  summary: "The client's audit events",
  description: "Newest first, cursor-paginated; filter by operation and outcome.",
  security,
  request: { params: ClientIdParam, query: PageQuery },
  responses: { 200: json(AuditListSchema, "A page of audit events"), ...clientErrors },
});

export function registerListAudit(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(await listAudit({ ctx: clientCtxOf(c, deps), input: c.req.valid("query") }), 200),
  );
}
