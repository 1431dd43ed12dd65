// What the edge reads of a JSON-RPC body before the SDK handles it (one message or a batch).
import type { Context, HonoRequest, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "../middleware/json-depth";
import type { AppEnv } from "../types";

export const MCP_DEPTH_MESSAGE = `Request body nested deeper than ${MAX_JSON_DEPTH} levels.`;

/** Whether a JSON-RPC body (one message or a batch) opens a session. */
export const isInitialize = (body: unknown): boolean =>
  Array.isArray(body)
    ? body.some(isInitialize)
    : typeof body === "object" && body !== null && (body as { method?: unknown }).method === "initialize";

/** Whether any request of the body carries a progressToken (params._meta.progressToken). */
export const wantsProgress = (body: unknown): boolean =>
  Array.isArray(body)
    ? body.some(wantsProgress)
    : typeof body === "object" &&
      body !== null &&
      (body as { params?: { _meta?: { progressToken?: unknown } } }).params?._meta?.progressToken !==
        undefined;

/** The largest JSON-RPC body /mcp reads: a tool call's arguments are small, a policy the largest. */
export const MAX_MCP_BODY_BYTES = 1024 * 1024;

export const rpcInvalid = (c: Context<AppEnv>, status: 400 | 413, message: string) => {
  c.set("errorCode", status === 413 ? "PAYLOAD_TOO_LARGE" : "INVALID_REQUEST");
  return c.json({ jsonrpc: "2.0", error: { code: -32600, message }, id: null }, status);
};

const TOO_LARGE = "Request body larger than 1 MiB.";

/**
 * Bounds the body's size before anything reads it (a streamed body is counted as it arrives). A
 * declared Content-Length is checked from the header alone, as Hono's bodyLimit does, but without
 * touching the request's body first: on Node that would build a web stream per request, and the
 * adapter's direct read of the socket's bytes (readRpcBody) would be lost.
 */
export const mcpBodyLimit = (): MiddlewareHandler<AppEnv> => {
  const streamed = bodyLimit({ maxSize: MAX_MCP_BODY_BYTES, onError: (c) => rpcInvalid(c, 413, TOO_LARGE) });
  return (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    return Number.parseInt(length, 10) > MAX_MCP_BODY_BYTES
      ? Promise.resolve(rpcInvalid(c, 413, TOO_LARGE))
      : next();
  };
};

/**
 * The parsed JSON-RPC body, or undefined when it is not JSON (the SDK answers that parse error);
 * "too deep" when it nests past MAX_JSON_DEPTH, checked on the text before JSON.parse. Read through
 * Hono's request, not a clone of the raw one: the Node adapter then reads the socket's bytes directly
 * (no web stream is built and teed per request), and the text stays cached for rpcIdOf.
 */
export async function readRpcBody(request: HonoRequest): Promise<{ body: unknown } | "too deep"> {
  const text = await request.text();
  if (jsonDepthExceeds(text)) return "too deep";
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { body: undefined };
  }
}
