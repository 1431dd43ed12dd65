// Domain errors with a string code from a closed list. Each edge maps them: REST to the error
// envelope (status from the code), MCP to isError results. Messages are safe to show to the caller.

export const ERROR_CODES = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Machine-readable detail, e.g. the offending fields or the AWS error classification. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ServiceError("NOT_FOUND", `${what} was not found`);

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new ServiceError("CONFLICT", message, details);

/** Bad input: `field` names what to fix, `allowed` what would be accepted. */
export const invalid = (field: string, message: string, details?: Record<string, unknown>) =>
  new ServiceError("INVALID_REQUEST", `${field}: ${message}`, { field, ...details });
