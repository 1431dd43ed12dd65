import { createRoute } from "@hono/zod-openapi";
import { issueApiKey, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, conflictError, json, security } from "../../schemas/common";
import { IssuedKeySchema, IssueKeyBody } from "../../schemas/key";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "post",
  path: "/v1/clients/{id}/api-keys",
  operationId: "issueApiKey",
  tags: ["api-keys"],
  summary: "Issue an API key",
  description: "The secret is in this response only; the service keeps its SHA-256.",
  security,
  request: {
    params: ClientIdParam,
    body: { content: { "application/json": { schema: IssueKeyBody } }, required: true },
  },
  responses: { 201: json(IssuedKeySchema, "Issued"), ...clientErrors, ...conflictError },
});

export function registerIssueKey(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(await issueApiKey({ ctx: clientCtxOf(c, deps), input: c.req.valid("json") }), 201),
  );
}
