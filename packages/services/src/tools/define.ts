// A tool is one typed definition: its wording for the model, strict zod input, output schema, what it
// changes, the verb that computes it and a summary typed by the verb's own result. `defineTool` checks
// the pieces against each other (a renamed output field breaks the summary's or the schema's type
// check) and hides the types behind `parse`, so a list of different tools needs no cast.
import type { z } from "zod";
import type { ToolCtx } from "./context";

export type ToolOutput = Record<string, unknown>;

export interface ToolDefinition<
  I extends z.ZodType,
  O extends z.ZodObject,
  R extends z.input<O> & ToolOutput,
> {
  name: string;
  title: string;
  /** What the model reads to choose the tool: what it answers and how to call it well. */
  description: string;
  input: I;
  /** Describes the result: clients validate structuredContent against it. */
  output: O;
  /**
   * Changes the client's settings in our database (never anything in AWS): read-only keys (mcp:read)
   * may not make such a call, and clients are told it is not read-only.
   */
  mutates: boolean | ((input: z.output<I>) => boolean);
  /** Reads the customer's AWS account (an open world: answers change without us). */
  readsAws: boolean;
  run(ctx: ToolCtx, input: z.output<I>): Promise<R>;
  summarize(output: R): string;
}

/** A call whose arguments parsed: the types stay inside, the caller sees what it needs. */
export interface ParsedCall<R extends ToolOutput> {
  ok: true;
  /** The parsed input (for the loop detector: two spellings of one call are one call). */
  input: unknown;
  mutates: boolean;
  run(ctx: ToolCtx): Promise<{ output: R; summary: string }>;
}

export interface Tool<R extends ToolOutput = ToolOutput> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly input: z.ZodType;
  readonly output: z.ZodObject;
  readonly readsAws: boolean;
  /** True when some call of this tool changes the client's settings. */
  readonly mayMutate: boolean;
  parse(args: unknown): ParsedCall<R> | { ok: false; error: z.ZodError };
}

export function defineTool<I extends z.ZodType, O extends z.ZodObject, R extends z.input<O> & ToolOutput>(
  definition: ToolDefinition<I, O, R>,
): Tool<R> {
  const { mutates } = definition;
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    input: definition.input,
    output: definition.output,
    readsAws: definition.readsAws,
    mayMutate: mutates !== false,
    parse(args) {
      const parsed = definition.input.safeParse(args);
      if (!parsed.success) return { ok: false, error: parsed.error };
      const input = parsed.data;
      return {
        ok: true,
        input,
        mutates: typeof mutates === "function" ? mutates(input) : mutates,
        async run(ctx) {
          const output = await definition.run(ctx, input);
          return { output, summary: definition.summarize(output) };
        },
      };
    },
  };
}
