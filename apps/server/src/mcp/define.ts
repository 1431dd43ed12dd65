import type { ToolCtx } from "@tagc/services";
import type { z } from "zod";

/** One MCP tool: schema, docs for the model, and the services verb it adapts. */
export interface ToolDefinition<I extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: z.ZodObject;
  /** Writes to our database (never to AWS): read-only (mcp:read) keys may not call it. */
  mutates?: boolean | ((input: z.output<I>) => boolean);
  /** Talks to the customer's AWS account. */
  readsAws: boolean;
  run(ctx: ToolCtx, input: z.output<I>): Promise<object>;
  summarize(result: Record<string, unknown>): string;
}

export const defineTool = <I extends z.ZodType>(tool: ToolDefinition<I>) => tool as unknown as ToolDefinition;
