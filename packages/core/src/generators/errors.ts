// Generator inputs come from a model or a user; a bad one is a fixable input error naming the field,
// which the MCP edge returns as an `isError` result and REST as a 400 envelope.
import type { z } from "zod";

export class GeneratorInputError extends Error {
  readonly code = "invalid_input";
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "GeneratorInputError";
    this.field = field;
  }
}

/** Parses `input` with `schema`, turning the first zod issue into a GeneratorInputError. */
export function parseGeneratorInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || "input";
  throw new GeneratorInputError(field, `${field}: ${issue?.message ?? "invalid input"}`);
}
