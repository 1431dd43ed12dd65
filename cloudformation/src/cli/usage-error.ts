/** A wrong or missing flag: printed as one line naming the flag, exit status 2, no stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}
