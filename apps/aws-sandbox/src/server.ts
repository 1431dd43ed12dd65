// The sandbox HTTP server. Binds to loopback only: it is a test double, never a network service.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin/routes";
import type { IncomingSigned } from "./auth/sigv4";
import { dispatch, type Runtime } from "./dispatch";
import type { WireResponse } from "./protocol/render";
import { parseSeed } from "./seed/load";
import type { RoleSeedInput, SeedInput } from "./seed/schema";
import { type CounterSnapshot, Counters } from "./world/counters";
import { FaultInjector, type Faults, type FaultsInput } from "./world/faults";
import { World } from "./world/world";

export interface SandboxOptions {
  seed: SeedInput;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: "127.0.0.1" | "::1" | "localhost";
  faults?: FaultsInput;
  /** Injectable clock (ms since epoch) for credential-expiry tests. */
  now?: () => number;
  /** Deterministic randomness for latency jitter and throttling. */
  random?: () => number;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:4566 — use as `endpoint` / AWS_ENDPOINT_URL. */
  url: string;
  port: number;
  world: World;
  counters(): CounterSnapshot;
  resetCounters(): void;
  setFaults(faults: FaultsInput): Faults;
  putRole(accountId: string, role: RoleSeedInput): void;
  deleteRole(accountId: string, roleName: string): boolean;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function toSigned(req: IncomingMessage, body: Buffer): IncomingSigned {
  const url = new URL(req.url ?? "/", "http://sandbox");
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(",") : value;
  }
  // The raw path, still percent-encoded: SigV4 canonicalises it from what the client sent.
  const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
  return { method: req.method ?? "GET", host: headers.host ?? "", path: rawPath, query, headers, body };
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const world = new World(parseSeed(options.seed), options.now);
  const faults = new FaultInjector(options.random);
  if (options.faults) faults.set(options.faults);
  const runtime: Runtime = { world, faults, counters: new Counters() };

  const server: Server = createServer(async (req, res) => {
    let response: WireResponse;
    try {
      const body = await readBody(req);
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      response = path.startsWith("/_sandbox")
        ? handleAdmin(runtime, req.method ?? "GET", path, body)
        : await dispatch(runtime, toSigned(req, body));
    } catch (error) {
      response = {
        status: 500,
        headers: { "content-type": "text/plain" },
        body: `sandbox error: ${(error as Error).message}`,
      };
    }
    res.writeHead(response.status, {
      ...response.headers,
      // A HEAD answer states the length of the body it does not send (HeadObject's Content-Length).
      "content-length": response.headers["content-length"] ?? Buffer.byteLength(response.body),
    });
    res.end(response.body);
  });
  server.keepAliveTimeout = 30_000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host === "::1" ? "[::1]" : host;

  return {
    url: `http://${hostPart}:${port}`,
    port,
    world,
    counters: () => runtime.counters.snapshot(),
    resetCounters: () => runtime.counters.reset(),
    setFaults: (input) => faults.set(input),
    putRole: (accountId, role) => void world.putRole(accountId, role),
    deleteRole: (accountId, roleName) => world.deleteRole(accountId, roleName),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
