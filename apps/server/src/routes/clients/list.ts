import { createRoute, z } from "@hono/zod-openapi";
import { listClients, type ServiceDeps } from "@tagc/services";
import { ClientListSchema, STATUSES } from "../../schemas/client";
import { adminErrors, cursorQuery, json, security } from "../../schemas/common";
import { ctxOf, type Router } from "../context";

// Free text (a name has spaces), but no control character or quote reaches the LIKE pattern.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range names the control characters refused.
const SEARCH_TEXT = /^[^\u0000-\u001f\u007f'"`]{1,200}$/;
const SEARCH_MESSAGE = "must be 1-200 characters without control characters or quotes";

const route = createRoute({
  method: "get",
  path: "/v1/clients",
  operationId: "listClients",
  tags: ["clients"],
  summary: "List clients",
  description: "Oldest first, cursor-paginated; filter by status and search by name or e-mail.",
  security,
  request: {
    query: z.strictObject({
      status: z
        .enum(STATUSES)
        .optional()
        .openapi({ param: { name: "status", in: "query" } }),
      search: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(SEARCH_TEXT, SEARCH_MESSAGE)
        .optional()
        .openapi({
          param: { name: "search", in: "query" },
          // No example: the reference's try-it would fill it in and narrow every list to "acme".
          description: "Part of the name or contact e-mail, any case",
        }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" } }),
      cursor: cursorQuery(200),
    }),
  },
  responses: { 200: json(ClientListSchema, "A page of clients"), ...adminErrors },
});

export function registerListClients(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) =>
    c.json(await listClients({ ctx: ctxOf(c, deps), input: c.req.valid("query") }), 200),
  );
}
