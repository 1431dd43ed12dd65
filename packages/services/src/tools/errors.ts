// Errors a tool reports to the model as an `isError` result: things it can act on (bad input, an
// unknown type, a quota, a revoked role). The message says what to do next.

export class ToolError extends Error {
  override name = "ToolError";
  constructor(
    readonly code:
      | "INVALID_INPUT"
      | "NOT_CONNECTED"
      | "ACCESS_REVOKED"
      | "QUOTA_EXCEEDED"
      | "RATE_LIMITED"
      | "NOT_FOUND"
      | "AWS_ERROR",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const invalidInput = (field: string, message: string) =>
  new ToolError("INVALID_INPUT", `${field}: ${message}`, field);
