// Mcp-Session-Id at the edge: `initialize` is answered with a session id this server signed for the
// caller's client and key; any later request that presents one must present a genuine, unexpired id
// of the same client and key, or it gets 404 (the transport spec's answer for a session the server
// does not know: the client then initializes again). Requests without an id are served as before.
import { verifyMcpSessionId } from "@tagc/services";
import type { Context } from "hono";
import type { AppEnv } from "../types";

export const SESSION_HEADER = "mcp-session-id";

export type PresentedSession =
  | { ok: true; sessionId: string | undefined }
  | { ok: false; response: Response };

export function checkPresentedSession(
  c: Context<AppEnv>,
  input: { secret: string; binding: { clientId: string; credentialId: string }; now: Date },
): PresentedSession {
  const presented = c.req.header(SESSION_HEADER);
  if (presented === undefined) return { ok: true, sessionId: undefined };
  const check = verifyMcpSessionId({ ...input, sessionId: presented });
  if (check.ok) return { ok: true, sessionId: check.sessionId };
  c.set("errorCode", "NOT_FOUND");
  // One message whatever the reason: a forger learns nothing about which part was wrong.
  return {
    ok: false,
    response: c.json(
      {
        jsonrpc: "2.0",
        error: {
          code: -32001,
          message: "Session not found or expired; send initialize to start a new session.",
        },
        id: null,
      },
      404,
    ),
  };
}
