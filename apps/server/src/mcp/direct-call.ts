// The plain tools/call (one request, JSON answer, no progress) answered by the edge itself, without
// building the SDK's per-request Server and transport: those cost more CPU than the warm call they
// carry (each parses the message and the result through zod several times and serialises the result
// again). Only a request the SDK would accept and answer with a plain JSON body is taken, and the
// answer is the same bytes the SDK writes (test/mcp/direct-call.test.ts compares them); anything
// else — a batch, initialize, another notification, an odd header or shape, _meta, a task — goes to
// the SDK. The session's plain `notifications/initialized` is answered 202 here too.
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import type { CallerCtx, ServiceError } from "@tagc/services";
import type { Context } from "hono";
import type { AppEnv } from "../types";
import { unavailableRpc } from "./errors";
import type { ToolAnswer } from "./result";
import { answerToolCall, type ToolCallParams } from "./tool-call";

export interface DirectCall {
  id: string | number;
  params: ToolCallParams;
}

const REQUEST_KEYS = new Set(["jsonrpc", "id", "method", "params"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The call, when the SDK's transport and server would pass every check on this request (headers,
 * JSON-RPC shape, CallToolRequestSchema) without changing a thing; undefined hands it to the SDK.
 */
export function directToolCall(
  header: (name: string) => string | undefined,
  body: unknown,
): DirectCall | undefined {
  if (!headersPass(header)) return undefined;
  if (!isRecord(body) || body.jsonrpc !== "2.0" || body.method !== "tools/call") return undefined;
  for (const key of Object.keys(body)) if (!REQUEST_KEYS.has(key)) return undefined;
  const { id, params } = body;
  if (typeof id !== "string" && !Number.isSafeInteger(id)) return undefined;
  if (!isRecord(params) || typeof params.name !== "string") return undefined;
  if (params._meta !== undefined || params.task !== undefined) return undefined;
  const args = params.arguments;
  // zod's record would drop an own "__proto__" key; the SDK's path then decides what it means.
  if (args !== undefined && (!isRecord(args) || Object.hasOwn(args, "__proto__"))) return undefined;
  return { id: id as string | number, params: { name: params.name, arguments: args } };
}

/**
 * Whether the body is exactly the client's `notifications/initialized` (once per session, no
 * params), which the SDK's transport answers 202 with no body and its stateless server ignores.
 */
export function isPlainInitialized(header: (name: string) => string | undefined, body: unknown): boolean {
  if (!headersPass(header) || !isRecord(body)) return false;
  const keys = Object.keys(body);
  return (
    keys.length === 2 &&
    body.jsonrpc === "2.0" &&
    body.method === "notifications/initialized" &&
    keys.includes("jsonrpc") &&
    keys.includes("method")
  );
}

/** The transport's own header checks on a POST, all passed (else the SDK answers its error). */
function headersPass(header: (name: string) => string | undefined): boolean {
  const accept = header("accept");
  if (!accept?.includes("application/json") || !accept.includes("text/event-stream")) return false;
  if (header("content-type") !== "application/json") return false;
  const version = header("mcp-protocol-version");
  return version === undefined || SUPPORTED_PROTOCOL_VERSIONS.includes(version);
}

/** The JSON-RPC answer to a direct call: the tool's result, its error, or 503 for an outage. */
export async function answerDirectly(c: Context<AppEnv>, ctx: CallerCtx, call: DirectCall) {
  let outage: ServiceError | undefined;
  let body: string;
  try {
    const answer = await answerToolCall(ctx, c.var.logger, call.params, undefined, (error) => {
      outage = error;
    });
    body = resultBody(call.id, answer);
  } catch (error) {
    if (outage) return unavailableRpc(c, outage, call.id);
    body = JSON.stringify({ jsonrpc: "2.0", id: call.id, error: rpcErrorOf(error) });
  }
  // The SDK's transport answers with exactly this status and header.
  return new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
}

/**
 * `JSON.stringify({ result, jsonrpc, id })` as the SDK's protocol writes it, with the structured
 * result's JSON (already serialised for the text block) written in place rather than serialised again.
 */
export function resultBody(id: string | number, answer: ToolAnswer): string {
  const { result, structuredJson } = answer;
  const [only, ...more] = result.content;
  if (structuredJson === undefined || only?.type !== "text" || more.length || result.isError !== undefined)
    return JSON.stringify({ result, jsonrpc: "2.0", id });
  return `{"result":{"content":[{"type":"text","text":${JSON.stringify(only.text)}}],"structuredContent":${structuredJson}},"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;
}

/** The SDK protocol's mapping of a handler's thrown error to a JSON-RPC error object. */
function rpcErrorOf(error: unknown) {
  const { code, message, data } = (error ?? {}) as { code?: unknown; message?: string; data?: unknown };
  return {
    code: Number.isSafeInteger(code) ? code : -32603,
    message: message ?? "Internal error",
    ...(data !== undefined && { data }),
  };
}
