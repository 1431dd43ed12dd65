// The MCP edge's one error mapper: a tool outcome becomes a CallToolResult. Errors the model can act
// on are `isError` results with the services' message (it says what to do); an internal failure is
// logged here with the request id and answered generically (no stack, no AWS text, no secret).
// A success carries the result twice, as the MCP spec advises for tools with an output schema:
// `structuredContent`, and a text block of the summary line followed by the same JSON, because some
// clients (Claude Desktop among them) show the model only `content`.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolOutcome, ToolOutput } from "@tagc/services";
import type { Logger } from "pino";

/**
 * A CallToolResult with its structuredContent's JSON, serialised once: the text block embeds it, and
 * the direct answer (direct-call.ts) writes it into the response body instead of serialising the
 * same tens of kilobytes again.
 */
export interface ToolAnswer {
  result: CallToolResult;
  structuredJson?: string;
}

export const toCallToolResult = (
  outcome: ToolOutcome<ToolOutput>,
  log: { logger: Logger; tool: string; clientId: string },
): CallToolResult => toToolAnswer(outcome, log).result;

export function toToolAnswer(
  outcome: ToolOutcome<ToolOutput>,
  log: { logger: Logger; tool: string; clientId: string },
): ToolAnswer {
  if (outcome.ok) {
    const json = JSON.stringify(outcome.output);
    const text = `${outcome.summary}\n\n${json}`;
    return {
      result: { content: [{ type: "text", text }], structuredContent: outcome.output },
      structuredJson: json,
    };
  }
  // Not a failure: the scan goes on, and the result says how to get it (structured for clients that
  // read only structuredContent, in the text for those that read only content).
  if (outcome.error.code === "SCAN_IN_PROGRESS") {
    const running = {
      scan_status: "running",
      ...outcome.error.details,
      retry_after_seconds: outcome.error.retryAfterSeconds ?? null,
      message: outcome.error.message,
    };
    const json = JSON.stringify(running);
    return {
      result: {
        content: [{ type: "text", text: `${outcome.error.message}\n\n${json}` }],
        structuredContent: running,
      },
      structuredJson: json,
    };
  }
  if (outcome.error.code === "INTERNAL") {
    log.logger.error({ err: outcome.cause, tool: log.tool, client_id: log.clientId }, "tool failed");
  }
  return { result: { content: [{ type: "text", text: outcome.error.message }], isError: true } };
}
