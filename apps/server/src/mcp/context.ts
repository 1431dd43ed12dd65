import type { RateLimiter, ToolRuntime } from "@tagc/services";

/** What the MCP edge needs, chosen once at start-up (memory or Redis behind the limiters and cache). */
export interface McpRuntime {
  /** The tool pipeline's runtime: cache, limiters, scan memo, budgets, deadline. */
  tools: ToolRuntime;
  /** Per-IP requests, checked before authentication. */
  ipLimiter: RateLimiter;
  /** Origins allowed to call /mcp from a browser; requests without Origin (CLIs, servers) pass. */
  allowedOrigins: string[];
  /** Signs and checks Mcp-Session-Id (shared by every replica, so any of them accepts another's). */
  sessionSecret: string;
}
