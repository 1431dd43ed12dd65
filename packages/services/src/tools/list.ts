// The tool list clients see (tools/list), built once per process: each tool's JSON Schema 2020-12
// for input and output, and annotations derived from its definition, so a client that auto-approves
// read-only tools never runs a change unasked.
import { z } from "zod";
import { advertisedInput, advertisedOutput } from "./advertised";
import { TOOLS } from "./catalog";
import type { Tool } from "./define";

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  /** Only on tools that change something: the spec gives it no meaning on read-only ones. */
  idempotentHint?: boolean;
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
    inputSchema: { ...advertisedInput(objectSchema(tool.input)), type: "object" },
    outputSchema: { ...advertisedOutput(objectSchema(tool.output)), type: "object" },
    // The display name is the tool's `title` (MCP 2025-06-18), not repeated in the annotations.
    annotations: {
      // "Read-only" as clients mean it: nothing this call does changes anything. Nothing this service
      // does can change the customer's AWS account; some calls change the client's own settings.
      readOnlyHint: !tool.mayMutate,
      // A settings change may replace or cancel what was there (a policy, a schedule).
      destructiveHint: tool.mayMutate,
      ...(tool.mayMutate ? { idempotentHint: false } : {}),
      openWorldHint: tool.readsAws,
    },
  };
}

/** Built once at start-up: converting 17 schemas per request would be most of a warm call. */
export const TOOL_LIST: readonly ListedTool[] = TOOLS.map(listedTool);
