// tools/call, once for both ways in: the SDK's per-request server (server.ts) and the edge's direct
// answer to a plain call (direct-call.ts). Finds the tool, wires progress, runs the services' one
// callTool, and maps its outcome; a call the database's absence failed is reported to `onOutage`
// and thrown as a JSON-RPC error (the route answers it 503).
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { type CallerCtx, callTool, findTool, type ServiceError } from "@tagc/services";
import type { Logger } from "pino";
import { isOutage } from "./errors";
import { type ToolAnswer, toToolAnswer } from "./result";

export interface ToolCallParams {
  name: string;
  arguments?: Record<string, unknown> | undefined;
  _meta?: { progressToken?: string | number | undefined } | undefined;
}

type Notify = (notification: {
  method: "notifications/progress";
  params: { progressToken: string | number; progress: number; message: string };
}) => Promise<void>;

export async function answerToolCall(
  ctx: CallerCtx,
  logger: Logger,
  params: ToolCallParams,
  notify: Notify | undefined,
  onOutage: (error: ServiceError) => void,
): Promise<ToolAnswer> {
  const tool = findTool(params.name);
  if (!tool) throw new McpError(ErrorCode.InvalidParams, `Tool ${params.name} not found`);
  const progressToken = params._meta?.progressToken;
  // With a progressToken the edge answers over SSE (route.ts), so these reach the client while
  // the scan runs; a stream the client already closed is not the scan's problem.
  const progress =
    progressToken === undefined || !notify
      ? undefined
      : ({ progress, message }: { progress: number; message: string }) =>
          void notify({
            method: "notifications/progress",
            params: { progressToken, progress, message },
          }).catch(() => undefined);
  const outcome = await callTool({ ...ctx, progress }, tool, params.arguments);
  if (!outcome.ok && isOutage(outcome.error)) {
    onOutage(outcome.error);
    throw new McpError(-32000, outcome.error.message);
  }
  return toToolAnswer(outcome, { logger, tool: tool.name, clientId: ctx.client.id });
}
