import { createRoute, z } from "@hono/zod-openapi";
import { registerClient, type ServiceDeps } from "@tagc/services";
import { RegisterBody, RegistrationSchema } from "../../schemas/client";
import { adminErrors, ErrorSchema, json, security } from "../../schemas/common";
import { ctxOf, type Router } from "../context";

const route = createRoute({
  method: "post",
  path: "/v1/clients",
  operationId: "registerClient",
  tags: ["clients"],
  summary: "Register a client",
  description:
    "Generates the client's External ID and role name and returns the CloudFormation quick-create link. The client starts `pending`; background verification polls until the customer deploys the stack. Idempotent on the `Idempotency-Key` header.",
  security,
  request: {
    headers: z.object({
      "idempotency-key": z
        .string()
        .min(1)
        .max(200)
        .optional()
        .openapi({
          param: { name: "idempotency-key", in: "header" },
          description: "Replays return the first registration",
        }),
    }),
    body: { content: { "application/json": { schema: RegisterBody } }, required: true },
  },
  responses: {
    201: json(RegistrationSchema, "Registered"),
    200: json(RegistrationSchema, "Replayed: the Idempotency-Key matched an earlier registration"),
    ...adminErrors,
    422: json(ErrorSchema, "The Idempotency-Key was used for a registration with different parameters"),
  },
});

export function registerRegisterClient(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const result = await registerClient({
      ctx: ctxOf(c, deps),
      input: { ...body, idempotency_key: c.req.valid("header")["idempotency-key"] },
    });
    return c.json(result, result.replayed ? 200 : 201);
  });
}
