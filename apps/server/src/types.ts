import type { Operator } from "@tagc/cloudformation";
import type { ApiKey, Client } from "@tagc/db";
import type { Actor, ErrorCode, ServiceDeps } from "@tagc/services";
import type { Logger } from "pino";

/** The Hono context, declared once: middleware sets these, handlers read them from c.var. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    actor: Actor;
    /** The tenant of a /v1/clients/{id}/… route, resolved by middleware from the path. */
    client: Client;
    errorCode: ErrorCode;
    /** The API key of an /mcp request (for an OAuth token: the key its grant was made with). */
    apiKey: ApiKey;
    /**
     * What an /mcp request's session is bound to and its scopes: the API key itself, or the OAuth
     * grant (whose token may carry fewer scopes than the key).
     */
    mcpCredential: { id: string; scopes: string[] };
    /** The caller's address: the socket, or X-Forwarded-For through TRUSTED_PROXIES. */
    clientAddress: string;
    /** The operator console's signed-in admin (console/session.ts). */
    consoleSession: import("./console/session").ConsoleSession;
    /** The CSP nonce of a server-rendered page's inline style. */
    cspNonce: string;
    /** The status a handler wrote to the Node response itself (oidc-provider), for the log line. */
    sentStatus: number;
  };
}

export interface AdminAuthConfig {
  scope: string;
  /** Accepted bootstrap token hashes (more than one while a rotation overlaps). */
  bootstrapTokens: import("./middleware/bootstrap-tokens").BootstrapHash[];
  /** Admin JWTs must expire within this many seconds of being issued (or of now, without iat). */
  maxLifetimeS: number;
  /** Clock difference tolerated on exp, nbf and iat. */
  clockSkewS: number;
  jwtSecret?: string | undefined;
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

/** A readiness check's outcome; the message says what is wrong and how to fix it. */
export interface ReadinessResult {
  ok: boolean;
  message?: string;
  /** How a working dependency is answering, when it has a fallback (the cache: "redis" or "memory-fallback"). */
  mode?: string;
}

export type ReadinessCheck = () => Promise<boolean | ReadinessResult>;

export interface AppDeps {
  services: ServiceDeps;
  logger: Logger;
  adminAuth: AdminAuthConfig;
  /** Readiness checks beyond the database (e.g. Redis, the AWS identity), by name. */
  readiness?: Record<string, ReadinessCheck>;
  metrics: import("./metrics").Metrics;
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  publicBaseUrl: string;
  /** The operator's account and scanner role pattern: every template served is rendered for them. */
  operator: Operator;
  version: string;
  /** Proxies (CIDRs or addresses) whose X-Forwarded-For is believed; empty: the socket only. */
  trustedProxies?: string[];
  /** False when this process does not have the api role: no /v1 admin routes. */
  serveApi?: boolean;
  /** The operator console's session cookie: its signing secret and lifetime; absent, no /console. */
  console?: { sessionSecret: string; sessionTtlS: number };
  /** The MCP endpoint's runtime; absent when this process does not serve /mcp. */
  mcp?: import("./mcp/context").McpRuntime;
  /** Set draining at SIGTERM: readiness answers shutting_down and new requests are refused (503). */
  lifecycle?: import("./middleware/draining").Lifecycle;
  /** This process's background worker, shown on /health; absent without the worker role. */
  worker?: { status(): import("./worker/status").WorkerHealth };
}
