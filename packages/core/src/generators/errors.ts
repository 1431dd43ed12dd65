// Generator inputs come from a model or a user; a bad one is a fixable input error naming the field.
import type { z } from "zod";
import { CoreInputError } from "../errors";

/** Parses `input` with `schema`, turning the first zod issue into a CoreInputError. */
export function parseGeneratorInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || "input";
  throw new CoreInputError(field, `${field}: ${issue?.message ?? "invalid input"}`);
}
