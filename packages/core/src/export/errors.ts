// Input errors the model can fix (TOOLS.md: a tool result with isError and a message saying what to
// do). The services layer maps `code` to its own envelope; core only names the field.
export class ExportInputError extends Error {
  readonly code = "invalid_input";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ExportInputError";
  }
}
