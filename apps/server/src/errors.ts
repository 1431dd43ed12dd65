// One error envelope for everything the API answers: { error: { code, message, requestId, details? } }.
import { asServiceError, type ErrorCode } from "@tagc/services";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { renderRpcError } from "./mcp/errors";
import type { AppEnv } from "./types";

/** The REST edge's one mapping from a services code to an HTTP status. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GONE: 410,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  LOOP_DETECTED: 429,
  SESSION_BUDGET: 429,
  NOT_CONNECTED: 409,
  ACCESS_REVOKED: 409,
  AWS_ERROR: 502,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  // REST never runs a tool; a background scan polled over REST would be "accepted, not done yet".
  SCAN_IN_PROGRESS: 202,
};

export class ApiError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(STATUS_OF[code], { message });
  }
}

export function envelope(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
) {
  c.set("errorCode", code);
  return c.json(
    { error: { code, message, requestId: c.get("requestId") ?? "", ...(details ? { details } : {}) } },
    STATUS_OF[code],
  );
}

/** zod issues → one message naming each field and what is allowed. */
export function describeZodError(error: ZodError): {
  message: string;
  fields: { field: string; message: string }[];
} {
  const fields = error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...issue.path, key].join("."),
        message: "is not an allowed field",
      }));
    }
    return [{ field: issue.path.join(".") || "body", message: issue.message }];
  });
  return { message: fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields };
}

export function renderError(error: unknown, c: Context<AppEnv>) {
  // An MCP client reads JSON-RPC only, whatever failed before the tool ran.
  if (c.req.path === "/mcp") return renderRpcError(error, c);
  if (error instanceof ApiError) return envelope(c, error.code, error.message, error.details);
  const known = asServiceError(error);
  if (known) {
    // An unreachable database (503) or a limit (429) says when a retry can succeed.
    if (known.retryAfterSeconds !== undefined) c.header("Retry-After", String(known.retryAfterSeconds));
    return envelope(c, known.code, known.message, known.details);
  }
  if (error instanceof ZodError) {
    const { message, fields } = describeZodError(error);
    return envelope(c, "INVALID_REQUEST", message, { fields });
  }
  if (error instanceof HTTPException) {
    // Hono's own (e.g. a malformed JSON body): keep the status class, never the internals.
    const code: ErrorCode =
      error.status === 401 ? "UNAUTHORIZED" : error.status < 500 ? "INVALID_REQUEST" : "INTERNAL";
    // Hono raises 400 and 415 only while reading the body (malformed JSON, a wrong content type):
    // name the body, as every other validation message names its field.
    const message = error.message || "invalid request";
    const named = error.status === 400 || error.status === 415 ? `body: ${message}` : message;
    return envelope(c, code, error.status < 500 ? named : "internal error");
  }
  c.get("logger")?.error({ err: loggable(error), request_id: c.get("requestId") }, "unhandled error");
  return envelope(c, "INTERNAL", "An internal error occurred. Retry later; quote the request id to support.");
}

/**
 * What an unexpected error may put in the log. A failed drizzle query carries its bound parameters (an
 * External ID, a policy document) in its message and stack, so it is logged as a new error holding the
 * SQL text, the driver's message and code, and the original stack frames only; never the parameters
 * or the driver's `detail` (which quotes the offending row).
 */
export function loggable(error: unknown): unknown {
  if (!(error instanceof Error) || !("query" in error) || !("params" in error)) return error;
  const cause = (error.cause ?? {}) as {
    message?: unknown;
    code?: unknown;
    constraint?: unknown;
    table?: unknown;
  };
  const safe = new Error(`failed query: ${String(error.query)}: ${String(cause.message)}`);
  safe.name = error.constructor.name;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join("\n");
  return Object.assign(safe, { code: cause.code, constraint: cause.constraint, table: cause.table });
}
