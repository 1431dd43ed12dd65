import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "@tagc/services";

// PostgreSQL cannot store a NUL character in text or jsonb: a string carrying one would fail in the
// database as an internal error, so the edge refuses it with the field named.
export const NO_NUL_MESSAGE = "must not contain NUL characters";
export const hasNoNul = (value: string) => !value.includes("\u0000");

interface Visit {
  value: unknown;
  key?: string | number;
  parent?: Visit;
}

const pathOf = (visit: Visit, last?: string) => {
  const reversed: (string | number)[] = last === undefined ? [] : [last];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) reversed.push(at.key);
  return reversed.reverse();
};

/**
 * The path of the first string (or object key) in `value` that contains a NUL, if any. Iterative,
 * with parent links instead of copied paths: a deep document must exhaust neither the stack nor time.
 */
export function nulPath(value: unknown): (string | number)[] | undefined {
  const stack: Visit[] = [{ value }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const item = visit.value;
    if (typeof item === "string") {
      if (item.includes("\u0000")) return pathOf(visit);
      continue;
    }
    if (!item || typeof item !== "object") continue;
    const entries: [string | number, unknown][] = Array.isArray(item)
      ? item.map((child, index) => [index, child])
      : Object.entries(item);
    const nulKey = entries.find(([key]) => typeof key === "string" && key.includes("\u0000"));
    if (nulKey) return pathOf(visit, String(nulKey[0]));
    // Pushed last-first, so the first entry is the next one examined (document order).
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, key, parent: visit });
    }
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
  413: errorResponse("The request body is larger than 256 KiB"),
  500: errorResponse("Internal error (logged with the request id)"),
} as const;

export const clientErrors = { ...adminErrors, 404: errorResponse("No such client") } as const;
export const conflictError = {
  409: errorResponse("The client is deleted, or the key cannot change state"),
} as const;

// Every path and query parameter is one of these shared schemas, so none reaches a query with a
// character or a length the database or a cast could fail on (openapi.test.ts checks every operation).
export const ID_CHARSET_MESSAGE = "must be 1-64 letters, digits, _ or -";
export const CURSOR_MESSAGE = "is not a cursor returned by this endpoint";

/** A path id: ours are prefixed ULIDs (`cli_…`, `key_…`), OAuth grant ids are base64url. */
export const pathId = (name: string, example: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, ID_CHARSET_MESSAGE)
    .openapi({ param: { name, in: "path" }, example });

/** A page cursor: base64url, as every list endpoint issues them. */
export const cursorQuery = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*={0,2}$/, CURSOR_MESSAGE)
    .optional()
    .openapi({ param: { name: "cursor", in: "query" } });

export const ClientIdParam = z.object({ id: pathId("id", "cli_01jd3k7w9m2x4q8v6r5t0b1c2d") });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const security = [{ adminBearer: [] }];
