// A bearer credential sent to the registration or token endpoint. mcp-remote (Claude Desktop's
// bridge) configured with `--header Authorization:Bearer <key>` sends that header on every request, the
// OAuth ones too. When the key is revoked or expired, /mcp answers 401 and the bridge starts signing in;
// signing in cannot help while the stale key stays in the configuration, so registration answers with
// what is wrong and what to change, and the bridge prints that body ("Dynamic Client Registration
// rejected (HTTP 400): …"). Bearer is never a client authentication method (RFC 6749 §2.3: Basic, or
// credentials in the body), and we issue no initial access tokens (RFC 7591 §3), so a header holding a
// working key is dropped before oidc-provider reads it: it would refuse the token request as a
// malformed client authentication ("invalid authorization header value format").
import type { HttpBindings } from "@hono/node-server";
import { authenticateApiKey, type ServiceDeps } from "@tagc/services";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../types";

const API_KEY = /^Bearer\s+(tagc_\S+)$/i;

type Refusal = Extract<Awaited<ReturnType<typeof authenticateApiKey>>, { ok: false }>["reason"];
const STATE: Partial<Record<Refusal, string>> = {
  revoked: "revoked",
  expired: "expired",
  client_deleted: "of a deleted client",
};

export function staleBearerKey(services: ServiceDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    if (!header || !/^Bearer\s/i.test(header)) return next();
    const key = API_KEY.exec(header)?.[1];
    if (key) {
      const auth = await authenticateApiKey(services.db, key, services.now());
      if (!auth.ok) {
        c.set("errorCode", "INVALID_REQUEST");
        return c.json(
          {
            error: "invalid_request",
            error_description:
              `The connection's configuration sends API key ${key.slice(0, 16)}… in its Authorization ` +
              `header, and that key is ${STATE[auth.reason] ?? "not valid"}. ` +
              "Put a current API key in the header, or remove the header to sign in with OAuth instead.",
          },
          400,
        );
      }
    }
    // oidc-provider reads the raw Node request: remove the header there, where it will look.
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    if (incoming) delete incoming.headers.authorization;
    return next();
  };
}
