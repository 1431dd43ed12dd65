// How /mcp fails outside a tool's own result: always a JSON-RPC error body (an MCP client parses
// nothing else), with the HTTP status that says whether to retry. An unreachable database is 503
// with Retry-After, so a client backs off and retries instead of reporting a broken server.
import { asServiceError, DatabaseUnavailableError, type ServiceError } from "@tagc/services";
import type { Context } from "hono";
import type { AppEnv } from "../types";

export type RpcId = string | number | null;

/** The request's JSON-RPC id when the body parses and has one, else null (as JSON-RPC asks). */
export async function rpcIdOf(c: Context<AppEnv>): Promise<RpcId> {
  if (c.req.method !== "POST") return null;
  // Hono's cached body: the route may have read it already (readRpcBody).
  const body: unknown = await c.req.json().catch(() => undefined);
  return idIn(body);
}

export function idIn(body: unknown): RpcId {
  if (!body || typeof body !== "object" || Array.isArray(body) || !("id" in body)) return null;
  const { id } = body;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

/** True for a failure the caller should retry after a pause: the database is unreachable. */
export const isOutage = (error: ServiceError | undefined): error is ServiceError =>
  error instanceof DatabaseUnavailableError;

export function unavailableRpc(c: Context<AppEnv>, error: ServiceError, id: RpcId): Response {
  const retryAfter = error.retryAfterSeconds ?? 5;
  c.header("Retry-After", String(retryAfter));
  c.set("errorCode", "SERVICE_UNAVAILABLE");
  return c.json(
    {
      jsonrpc: "2.0",
      id,
      error: {
        code: -32000,
        message: error.message,
        data: { code: "SERVICE_UNAVAILABLE", retry_after_seconds: retryAfter },
      },
    },
    503,
  );
}

/** app.onError for /mcp: an outage is 503; anything else is logged and a generic JSON-RPC 500. */
export async function renderRpcError(error: unknown, c: Context<AppEnv>): Promise<Response> {
  const id = await rpcIdOf(c);
  const known = asServiceError(error);
  if (isOutage(known)) return unavailableRpc(c, known, id);
  c.get("logger")?.error({ err: error, request_id: c.get("requestId") }, "unhandled /mcp error");
  c.set("errorCode", "INTERNAL");
  const message = "An internal error occurred. Retry later; quote the request id to support.";
  return c.json({ jsonrpc: "2.0", id, error: { code: -32603, message } }, 500);
}
