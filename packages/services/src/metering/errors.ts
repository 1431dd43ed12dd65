import { DatabaseUnavailableError } from "../errors";

/**
 * Usage could not be written after every retry (the database is down or restarting). Surfaced rather
 * than swallowed, so the tool call fails with a retryable error instead of handing out results that
 * were never metered; the retried call records them with the same idempotency keys.
 */
export class UsageRecordError extends DatabaseUnavailableError {
  override name = "UsageRecordError";
  constructor(attempts: number, cause: unknown) {
    super("Usage could not be recorded because the database is not answering. Retry the call in a minute.", {
      attempts,
    });
    this.cause = cause;
  }
}
