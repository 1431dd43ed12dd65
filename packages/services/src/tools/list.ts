// The tool list clients see (tools/list), built once per process: each tool's JSON Schema 2020-12
// for input and output, and annotations derived from its definition, so a client that auto-approves
// read-only tools never runs a change unasked.
import { z } from "zod";
import { TOOLS } from "./catalog";
import type { Tool } from "./define";

export interface ToolAnnotations {
  title: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ListedTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: "object"; [key: string]: unknown };
  outputSchema: { type: "object"; [key: string]: unknown };
  annotations: ToolAnnotations;
}

// Inputs are strict (unknown keys refused: additionalProperties false). Output schemas have no
// transforms, and their input view leaves objects open: results may carry fields beyond those listed.
function objectSchema(schema: z.ZodType): ListedTool["inputSchema"] {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" });
  // Tools take and return JSON objects: both schemas are objects by construction (strictObject / object).
  return { ...json, type: "object" };
}

export function listedTool(tool: Tool): ListedTool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: objectSchema(tool.input),
    outputSchema: objectSchema(tool.output),
    annotations: {
      title: tool.title,
      // "Read-only" as clients mean it: nothing this call does changes anything. Nothing this service
      // does can change the customer's AWS account; some calls change the client's own settings.
      readOnlyHint: !tool.mayMutate,
      // A settings change may replace or cancel what was there (a policy, a schedule).
      destructiveHint: tool.mayMutate,
      idempotentHint: !tool.mayMutate,
      openWorldHint: tool.readsAws,
    },
  };
}

/** Built once at start-up: converting 17 schemas per request would be most of a warm call. */
export const TOOL_LIST: readonly ListedTool[] = TOOLS.map(listedTool);
