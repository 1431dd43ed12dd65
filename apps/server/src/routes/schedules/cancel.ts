import { createRoute } from "@hono/zod-openapi";
import { cancelSchedule, type ServiceDeps } from "@tagc/services";
import { clientErrors, json, security } from "../../schemas/common";
import { ScheduleParams, ScheduleSchema } from "../../schemas/schedule";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "delete",
  path: "/v1/clients/{id}/schedules/{scheduleId}",
  operationId: "cancelSchedule",
  tags: ["schedules"],
  summary: "Cancel an audit schedule",
  description:
    "Stops future runs (idempotent). A run already queued is cancelled; a run under way finishes. The schedule stays listed as cancelled.",
  security,
  request: { params: ScheduleParams },
  responses: { 200: json(ScheduleSchema, "Cancelled"), ...clientErrors },
});

export function registerCancelSchedule(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(
      await cancelSchedule({
        ctx: clientCtxOf(c, deps),
        input: { schedule_id: c.req.valid("param").scheduleId },
      }),
      200,
    ),
  );
}
