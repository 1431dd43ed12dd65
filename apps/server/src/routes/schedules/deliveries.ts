import { createRoute } from "@hono/zod-openapi";
import { listDeliveries, type ServiceDeps } from "@tagc/services";
import { clientErrors, json, security } from "../../schemas/common";
import { DeliveryListSchema, ScheduleParams } from "../../schemas/schedule";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "get",
  path: "/v1/clients/{id}/schedules/{scheduleId}/deliveries",
  operationId: "listScheduleDeliveries",
  tags: ["schedules"],
  summary: "List a schedule's alert deliveries",
  description:
    "Every attempt to deliver the schedule's alerts (e-mail, Slack, Teams, owner-routed digests), newest first, at most 100: the target (webhooks masked), the attempt number, the outcome (delivered, retry after back-off, failed for good) and why it failed.",
  security,
  request: { params: ScheduleParams },
  responses: { 200: json(DeliveryListSchema, "The schedule's delivery attempts"), ...clientErrors },
});

export function registerListScheduleDeliveries(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(
      await listDeliveries({
        ctx: clientCtxOf(c, deps),
        input: { scheduleId: c.req.valid("param").scheduleId },
      }),
      200,
    ),
  );
}
