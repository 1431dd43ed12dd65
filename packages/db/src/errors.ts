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
