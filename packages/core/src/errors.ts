// The one input error of core: something a model or a user sent that core cannot work with. It names
// the field to fix; the services layer turns it into its own INVALID_REQUEST error, which each edge
// renders (an `isError` tool result, a 400 envelope). Core never decides how an error is shown.

export class CoreInputError extends Error {
  override name = "CoreInputError";
  constructor(
    /** The input path to fix, e.g. "columns" or "schedule.time". */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
