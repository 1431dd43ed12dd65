import { createRoute } from "@hono/zod-openapi";
import { putPolicy, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, conflictError, json, security } from "../../schemas/common";
import { PolicyDocumentSchema, PolicySchema } from "../../schemas/policy";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "put",
  path: "/v1/clients/{id}/policy",
  operationId: "putPolicy",
  tags: ["policy"],
  summary: "Replace the client's tagging policy",
  description:
    "Validated and stored as a new version. Unknown or free resource types and invalid regexes are rejected with the offending entry named.",
  security,
  request: {
    params: ClientIdParam,
    body: { content: { "application/json": { schema: PolicyDocumentSchema } }, required: true },
  },
  responses: { 200: json(PolicySchema, "The new policy version"), ...clientErrors, ...conflictError },
});

export function registerPutPolicy(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(await putPolicy({ ctx: clientCtxOf(c, deps), input: { document: c.req.valid("json") } }), 200),
  );
}
