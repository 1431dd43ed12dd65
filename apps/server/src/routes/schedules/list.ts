import { createRoute } from "@hono/zod-openapi";
import { listSchedules, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, json, security } from "../../schemas/common";
import { ScheduleListSchema } from "../../schemas/schedule";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/schedules",
  operationId: "listSchedules",
  tags: ["schedules"],
  summary: "List audit schedules",
  description:
    "The client's recurring compliance audits (created with the schedule_compliance_audit tool), active and cancelled, with their next run.",
  security,
  request: { params: ClientIdParam },
  responses: { 200: json(ScheduleListSchema, "The client's schedules"), ...clientErrors },
});

export function registerListSchedules(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => c.json(await listSchedules({ ctx: clientCtxOf(c, deps) }), 200));
}
