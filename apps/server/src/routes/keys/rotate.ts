import { createRoute } from "@hono/zod-openapi";
import { rotateApiKey, type ServiceDeps } from "@tagc/services";
import { clientErrors, conflictError, json, security } from "../../schemas/common";
import { KeyParams, RotatedKeySchema, RotateKeyBody } from "../../schemas/key";
import { clientCtxOf, type Router } from "../context";

const route = createRoute({
  method: "post",
  path: "/v1/clients/{id}/api-keys/{keyId}/rotate",
  operationId: "rotateApiKey",
  tags: ["api-keys"],
  summary: "Rotate an API key",
  description: "Issues a new secret; the old one keeps working for `overlap_seconds`, then stops.",
  security,
  request: {
    params: KeyParams,
    body: { content: { "application/json": { schema: RotateKeyBody } }, required: false },
  },
  responses: {
    201: json(RotatedKeySchema, "The new key, and the old one in its overlap window"),
    ...clientErrors,
    ...conflictError,
  },
});

export function registerRotateKey(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => {
    // Without a body (no content type) the validator is skipped and hands over {}: the schema's
    // default never ran, so apply it here rather than rotate with an undefined overlap.
    const body: { overlap_seconds?: number | undefined } = c.req.valid("json") ?? {};
    const input = { key_id: c.req.valid("param").keyId, overlap_seconds: body.overlap_seconds ?? 86_400 };
    return c.json(await rotateApiKey({ ctx: clientCtxOf(c, deps), input }), 201);
  });
}
