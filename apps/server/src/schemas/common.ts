import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "@tagc/services";

// PostgreSQL cannot store a NUL character in text or jsonb: a string carrying one would fail in the
// database as an internal error, so the edge refuses it with the field named.
export const NO_NUL_MESSAGE = "must not contain NUL characters";
export const hasNoNul = (value: string) => !value.includes("\u0000");

/** The path of the first string (or object key) in `value` that contains a NUL, if any. */
export function nulPath(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value && typeof value === "object"
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    if (typeof key === "string" && key.includes("\u0000")) return [...path, key];
    const found = nulPath(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: ERROR_CODES,
      message: z.string(),
      requestId: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("Error", {
    example: {
      error: { code: "NOT_FOUND", message: "client cli_01jd… was not found", requestId: "req_4f1c…" },
    },
  });

const errorResponse = (description: string) => ({
  content: { "application/json": { schema: ErrorSchema } },
  description,
});

/** The errors every admin route can answer. */
export const adminErrors = {
  400: errorResponse("Invalid input: the message names the field and what is allowed"),
  401: errorResponse("Missing or invalid admin token"),
  403: errorResponse("The token lacks the admin scope"),
  500: errorResponse("Internal error (logged with the request id)"),
} as const;

export const clientErrors = { ...adminErrors, 404: errorResponse("No such client") } as const;
export const conflictError = {
  409: errorResponse("The client is deleted, or the key cannot change state"),
} as const;

export const ClientIdParam = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "cli_01jd3k7w9m2x4q8v6r5t0b1c2d" }),
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const security = [{ adminBearer: [] }];
