import { createRoute, z } from "@hono/zod-openapi";
import { type ServiceDeps, verifyClient } from "@tagc/services";
import { VerifyResultSchema } from "../../schemas/client";
import { ClientIdParam, clientErrors, conflictError, json, security } from "../../schemas/common";
import { clientCtxOf, type Router } from "../context";

const VerifyBody = z
  .strictObject({
    role_arn: z.string().max(2048).optional().openapi({
      description: "Overrides the derived role ARN (the stack's RoleArn output)",
      example: "arn:aws:iam::222222222222:role/TagComplianceReadOnly-ab12cd34",
    }),
  })
  .openapi("VerifyClient");

const route = createRoute({
  method: "post",
  path: "/v1/clients/{id}/verify",
  operationId: "verifyClient",
  tags: ["clients"],
  summary: "Verify access now",
  description:
    "Assumes the customer's role with the client's External ID, probes read calls and updates the status. A failed AssumeRole is answered 200 with `verified: false` and the classified error; three AccessDenied in a row revoke the client.",
  security,
  request: {
    params: ClientIdParam,
    body: { content: { "application/json": { schema: VerifyBody } }, required: false },
  },
  responses: { 200: json(VerifyResultSchema, "The outcome"), ...clientErrors, ...conflictError },
});

export function registerVerifyClient(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json") ?? {};
    return c.json(await verifyClient({ ctx: clientCtxOf(c, deps), input: body }), 200);
  });
}
