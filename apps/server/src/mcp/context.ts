import type { ApiKey, Client } from "@tagc/db";
import type { CacheStore, RateLimiter } from "@tagc/services";
import type { Logger } from "pino";

/** The runtime pieces every MCP request needs, chosen once at start-up (memory or Redis). */
export interface McpRuntime {
  store: CacheStore;
  /** Per-IP requests, checked before authentication. */
  ipLimiter: RateLimiter;
  /** Per-key, per-client and per-(client, account, region) limits, checked per tool call. */
  guardrails: import("@tagc/services").GuardrailLimiters;
  /** Scans return partial results before this, below the MCP client's 60 s timeout. */
  deadlineMs: number;
  /** Origins allowed to call /mcp from a browser; requests without Origin (CLIs, servers) pass. */
  allowedOrigins: string[];
}

/** Who is calling, resolved from the API key by the auth middleware. */
export interface McpCaller {
  client: Client;
  key: ApiKey;
  requestId: string;
  logger: Logger;
  sessionId?: string | undefined;
}
