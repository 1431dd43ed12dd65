// Serves a fetch handler over real HTTP on 127.0.0.1 and a free port (the MCP SDK client, mcp-remote
// and browsers need a real socket). Closing is idempotent and drops keep-alive connections.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  let server: ReturnType<typeof serve> | undefined;
  const info = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, resolve);
    server.once("error", reject);
  });
  // Plain HTTP/1.1 (no TLS or HTTP/2 options were given), so this is a node:http Server.
  const http = server as Server;
  // As the production server does (index.ts): an idle keep-alive socket outlives the client's idea of
  // it. With Node's 5 s default, a client (in-process: same event loop) that stalls through a cold
  // scan wrote its next request into a socket the server was closing, and read ECONNRESET.
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${info.port}`,
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      });
      return closed;
    },
  };
}
