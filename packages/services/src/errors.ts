// The one error family of services: a closed set of codes (shared with the OpenAPI document) and a
// message that is safe to show the caller and says what to do. Services carry no HTTP status: each
// edge maps the code once (REST to a status and the error envelope, MCP to an `isError` result).
import { CoreInputError } from "@tagc/core";
import { isDatabaseUnavailable } from "@tagc/db";
import { z } from "zod";

export const ERROR_CODES = z.enum([
  /** Bad input; `details.field` names what to fix. */
  "INVALID_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  /** Existed, but no longer: an expired download URL (the tool again gives a fresh one). */
  "GONE",
  "CONFLICT",
  "UNPROCESSABLE",
  /** A rate limit; `retryAfterSeconds` says when to try again. */
  "RATE_LIMITED",
  /** The same tool call repeated too often in a short window. */
  "LOOP_DETECTED",
  /** The session's (or the key's hourly) tool-call budget is spent. */
  "SESSION_BUDGET",
  /** The client's AWS account is not connected (yet), or the client is offboarded. */
  "NOT_CONNECTED",
  /** AWS refused to let us assume the customer's role: the stack must be re-deployed. */
  "ACCESS_REVOKED",
  /** AWS could not be reached or refused a read; the message says which and what to do. */
  "AWS_ERROR",
  "INTERNAL",
  "SERVICE_UNAVAILABLE",
  /** A request body over the size limit (REST 413). */
  "PAYLOAD_TOO_LARGE",
  /**
   * A scan still running after the caller's wait: `details` has scan_id and progress; the same call
   * again (after `retryAfterSeconds`) joins it and returns its result once done.
   */
  "SCAN_IN_PROGRESS",
]);
export type ErrorCode = z.infer<typeof ERROR_CODES>;

export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable detail, e.g. the offending field or the AWS error classification. */
    readonly details?: Record<string, unknown>,
    /** For RATE_LIMITED and SESSION_BUDGET: when a retry can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ServiceError("NOT_FOUND", `${what} was not found`);

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new ServiceError("CONFLICT", message, details);

/** Bad input: `field` names what to fix; the message says what would be accepted. */
export const invalid = (field: string, message: string, details?: Record<string, unknown>) =>
  new ServiceError("INVALID_REQUEST", `${field}: ${message}`, { field, ...details });

/** Core's input errors become the services' one input error, named by their field. */
export function fromCoreInput(error: CoreInputError): ServiceError {
  const message = error.message.startsWith(`${error.field}: `)
    ? error.message
    : `${error.field}: ${error.message}`;
  return new ServiceError("INVALID_REQUEST", message, { field: error.field });
}

/** Seconds a caller is told to wait when the database is unreachable: a restart or failover. */
export const DATABASE_RETRY_AFTER_S = 5;

/**
 * The database could not be reached (refused, dropped, timed out, shutting down). Retryable: each edge
 * answers it as 503 with Retry-After, whichever verb met it, so no route or tool handles it itself.
 */
export class DatabaseUnavailableError extends ServiceError {
  override name = "DatabaseUnavailableError";
  constructor(
    message = "The database is not answering (a restart or failover). Retry in a few seconds.",
    details?: Record<string, unknown>,
  ) {
    super("SERVICE_UNAVAILABLE", message, details, DATABASE_RETRY_AFTER_S);
  }
}

/**
 * A ServiceError as is; a core input error translated; an unreachable database as
 * DatabaseUnavailableError; anything else is not the caller's to see.
 */
export function asServiceError(error: unknown): ServiceError | undefined {
  if (error instanceof ServiceError) return error;
  if (error instanceof CoreInputError) return fromCoreInput(error);
  if (isDatabaseUnavailable(error)) return Object.assign(new DatabaseUnavailableError(), { cause: error });
  return undefined;
}
