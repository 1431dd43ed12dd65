import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import {
  type CallerCtx,
  issueMcpSessionId,
  type ServiceDeps,
  type ServiceError,
  toolCtx,
} from "@tagc/services";
import type { Hono } from "hono";
import type { OAuthServer } from "../oauth/server";
import type { AppEnv } from "../types";
import { mcpGuard } from "./auth";
import {
  isInitialize,
  MCP_DEPTH_MESSAGE,
  mcpBodyLimit,
  readRpcBody,
  rpcInvalid,
  wantsProgress,
} from "./body";
import type { McpRuntime } from "./context";
import { answerDirectly, directToolCall, isPlainInitialized } from "./direct-call";
import { idIn, unavailableRpc } from "./errors";
import { buildMcpServer } from "./server";
import { checkPresentedSession, SESSION_HEADER } from "./session";

/**
 * POST /mcp (Streamable HTTP: JSON responses, SSE when a call asks for progress); GET and DELETE
 * answer 405 like the SDK. Each request
 * gets its own transport and server (no state held between requests, any replica answers), while the
 * session id the server signs on `initialize` ties a conversation's requests together. A plain
 * tools/call skips the SDK's server and transport and gets the same answer from direct-call.ts.
 */
export function registerMcp(
  app: Hono<AppEnv>,
  services: ServiceDeps,
  runtime: McpRuntime,
  version: string,
  oauth?: OAuthServer,
) {
  // Size first, before the guard does any work for a body this edge would refuse anyway.
  app.use("/mcp", mcpBodyLimit());
  app.use("/mcp", mcpGuard(services, runtime, oauth));
  app.all("/mcp", async (c) => {
    const key = c.var.apiKey;
    const credential = c.var.mcpCredential;
    // An OAuth session is bound to its grant, so revoking the grant ends the session with it.
    const binding = { clientId: c.var.client.id, credentialId: credential.id };
    const read = c.req.method === "POST" ? await readRpcBody(c.req) : { body: undefined };
    if (read === "too deep") return rpcInvalid(c, 400, MCP_DEPTH_MESSAGE);
    const { body } = read;
    const initializing = isInitialize(body);
    // An initialize starts afresh, so whatever id it carries is not checked (a client re-initializing
    // after a 404 may still send its old one).
    const presented = initializing
      ? ({ ok: true, sessionId: undefined } as const)
      : checkPresentedSession(c, { secret: runtime.sessionSecret, binding, now: services.now() });
    if (!presented.ok) return presented.response;
    // The tenant comes from the API key (auth middleware), never from the request body.
    const base = { deps: services, actor: c.var.actor, requestId: c.var.requestId, client: c.var.client };
    const ctx: CallerCtx = {
      ...toolCtx(base, runtime.tools),
      runtime: runtime.tools,
      key: { id: key.id, scopes: credential.scopes },
      sessionId: presented.sessionId,
    };
    const streaming = wantsProgress(body);
    // The common warm request (one plain tools/call) is answered here; the SDK takes the rest.
    const header = (name: string) => c.req.header(name);
    const direct = initializing || streaming ? undefined : directToolCall(header, body);
    if (direct) return answerDirectly(c, ctx, direct);
    // The SDK's answer to it, exactly; its stateless server does nothing with it.
    if (isPlainInitialized(header, body)) return new Response(null, { status: 202 });
    let outage: ServiceError | undefined;
    const server = buildMcpServer(ctx, c.var.logger, version, (error) => {
      outage = error;
    });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // Plain JSON unless the client asked for progress: then an SSE stream carries the
      // notifications/progress messages before the result.
      enableJsonResponse: !streaming,
    });
    await server.connect(transport);
    let response: Response;
    try {
      response = await transport.handleRequest(
        c.req.raw,
        body === undefined ? undefined : { parsedBody: body },
      );
    } catch (error) {
      await server.close();
      throw error;
    }
    // A JSON answer can still become a 503; an SSE stream has sent its 200 already, so there the
    // JSON-RPC error in the stream carries the same message.
    if (outage && !streaming) {
      await server.close();
      return unavailableRpc(c, outage, idIn(body));
    }
    if (initializing && response.ok) {
      const headers = new Headers(response.headers);
      headers.set(
        SESSION_HEADER,
        issueMcpSessionId({ secret: runtime.sessionSecret, binding, now: services.now() }),
      );
      response = new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    }
    // A JSON answer is complete here; an SSE stream is still being written, so the server closes
    // when the stream ends (or the client goes away), not before.
    const close = () => void server.close().catch(() => undefined);
    if (!streaming || !response.body) {
      // On the next turn of the loop, once the SDK has retired the answered request: closed at once,
      // it aborts that request's signal (a DOMException with a stack) on every call for nothing.
      setImmediate(close);
      return response;
    }
    const stream = response.body.pipeThrough(new TransformStream({ flush: close, cancel: close }));
    return new Response(stream, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  });
}
