// Runs one tool's verb the way callTool does (its input schema parses the arguments), without the
// guardrails and audit row: for suites that test a verb or need one as a step (a schedule to run).
import type { ToolCtx } from "../tools/context";
import type { Tool, ToolOutput } from "../tools/define";

export async function runTool<R extends ToolOutput>(ctx: ToolCtx, tool: Tool<R>, args: unknown): Promise<R> {
  const parsed = tool.parse(args);
  if (!parsed.ok) throw new Error(`${tool.name}: ${parsed.error.message}`);
  return (await parsed.run(ctx)).output;
}
