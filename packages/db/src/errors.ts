// drizzle wraps driver errors (DrizzleQueryError) and the two drivers throw different classes, so the
// database error is found by walking the `cause` chain rather than by `instanceof`.

/** What a caller needs from a failed query to map it to a domain error. */
export interface PgError {
  /** SQLSTATE, e.g. "23505" unique violation, "23503" foreign key, "23514" check. */
  code: string;
  constraint: string | undefined;
}

/** The server error behind a failed query, from either driver; undefined for anything else. */
export function pgError(error: unknown): PgError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    // `severity` tells a server error from a Node socket error, whose `code` ("EPIPE") looks alike.
    if ("code" in current && typeof current.code === "string" && "severity" in current) {
      const constraint = "constraint" in current ? current.constraint : undefined;
      return { code: current.code, constraint: typeof constraint === "string" ? constraint : undefined };
    }
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

/**
 * True for a unique violation, optionally of one named constraint, e.g. a retried registration with
 * the same Idempotency-Key (`clients_idempotency_key_unique`).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = pgError(error);
  if (found?.code !== "23505") return false;
  return constraint === undefined || found.constraint === constraint;
}

// Socket-level failures of reaching the server, as Node and node-postgres name them.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// node-postgres reports a dropped or never-made connection by message only.
const UNREACHABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Connection ended unexpectedly",
  "Cannot use a pool after calling end",
  "connection timeout",
];
// SQLSTATE: connection exceptions (08), too many connections (53300), and the server shutting down
// or starting up (57P01–57P03).
const UNREACHABLE_STATES = new Set(["53300", "57P01", "57P02", "57P03"]);

/**
 * True when a failed query means the database could not be reached (refused, dropped, timed out, or
 * shutting down), as opposed to a query it answered with an error: the first is worth a 503 and a
 * retry, the second is a bug or bad input. Walks drizzle's `cause` chain like `pgError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const code = "code" in current && typeof current.code === "string" ? current.code : undefined;
    if (code && "severity" in current) return code.startsWith("08") || UNREACHABLE_STATES.has(code);
    if (code && UNREACHABLE_CODES.has(code)) return true;
    // A pool's connect failure with several addresses (localhost → ::1 and 127.0.0.1).
    if (current instanceof AggregateError && current.errors.some((e) => isDatabaseUnavailable(e)))
      return true;
    // drizzle's wrapper quotes the query's parameters in its message: only the driver's is read.
    const message = current instanceof Error && !("query" in current) ? current.message : undefined;
    if (message && UNREACHABLE_MESSAGES.some((m) => message.includes(m))) return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}
