// Schedule inputs are typed by a model or a user, so a bad one is a fixable input error that names
// the field, never a crash: the edge turns it into an `isError` tool result or a 400 envelope.

export class ScheduleInputError extends Error {
  readonly code = "invalid_schedule";
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "ScheduleInputError";
    this.field = field;
  }
}
