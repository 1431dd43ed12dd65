import { createRoute, z } from "@hono/zod-openapi";
import { openDownload, type ServiceDeps } from "@tagc/services";
import { errorResponse } from "../../schemas/common";
import type { Router } from "../context";

const file = { schema: z.string() };

const route = createRoute({
  method: "get",
  path: "/v1/downloads/{id}",
  operationId: "getDownload",
  tags: ["downloads"],
  summary: "Download a bulk tool result",
  description:
    "The file a tool offered as `download.url` (a violations CSV, an automation export, a combined Custodian policy). No bearer: the signature in the URL is the credential, bound to the download and its client, and it expires (DOWNLOAD_TTL_S).",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^dwn_[0-9a-z]{26}$/, "must be a download id like dwn_01jd3k7w9m2x4q8v6r5t0b1c2d")
        .openapi({ param: { name: "id", in: "path" }, example: "dwn_01jd3k7w9m2x4q8v6r5t0b1c2d" }),
    }),
    query: z.object({
      sig: z
        .string()
        .regex(/^[\w-]{43}$/, "must be the signature from the download URL")
        .openapi({ example: "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c" }),
    }),
  },
  responses: {
    200: {
      content: { "text/csv": file, "application/json": file, "application/yaml": file },
      description: "The file, as an attachment",
    },
    400: errorResponse("The id or sig is malformed (the message names which)"),
    403: errorResponse("The signature does not match this download"),
    404: errorResponse("No such download (or its client was offboarded)"),
    410: errorResponse("The URL expired: call the tool again for a fresh one"),
    500: errorResponse("Internal error (logged with the request id)"),
  },
});

export function registerGetDownload(app: Router, deps: ServiceDeps) {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { sig } = c.req.valid("query");
    const download = await openDownload({ deps, input: { id, sig } });
    return c.body(download.body, 200, {
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      // Tenant data under a bearer-less URL: never cached by a proxy, never leaked as a Referer.
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    });
  });
}
