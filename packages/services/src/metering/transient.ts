import { pgError } from "@tagc/db";

// SQLSTATE classes and codes worth retrying: the connection dropped (08), a serialization failure or
// deadlock (40), the server is out of resources or connections (53), or it is shutting down or
// starting (57P01–57P03, as during a Postgres restart).
const TRANSIENT_CLASSES = ["08", "40", "53"];
const TRANSIENT_CODES = new Set(["57P01", "57P02", "57P03"]);

/**
 * True for a failure that may pass on retry. A server error is judged by its SQLSTATE (a constraint or
 * data error never passes on retry); an error without one is a socket, pool or timeout failure, which
 * may, unless it is a bug in our own code (TypeError, RangeError, SyntaxError).
 */
export function isTransientDbError(error: unknown): boolean {
  const server = pgError(error);
  if (server) return TRANSIENT_CLASSES.includes(server.code.slice(0, 2)) || TRANSIENT_CODES.has(server.code);
  return !(error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError);
}
