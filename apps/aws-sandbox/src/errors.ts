// One error type for every AWS failure the sandbox answers with. Each protocol renders it in the
// shape the real service uses (query XML, EC2 XML, JSON __type, REST-XML), so SDK clients raise the
// same exception classes they would against AWS.

export type ErrorKind = "Sender" | "Receiver";

export class AwsError extends Error {
  override name = "AwsError";
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly kind: ErrorKind = "Sender",
  ) {
    super(message);
  }
}

export const validation = (message: string, code = "ValidationException") => new AwsError(code, message, 400);

export const internal = (message = "We encountered an internal error. Please try again.") =>
  new AwsError("InternalFailure", message, 500, "Receiver");
