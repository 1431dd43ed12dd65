import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { lightFetch } from "./light-fetch";

/** An MCP SDK client over HTTP (node:http underneath: light-fetch.ts), authenticated with an API key. */
export async function connect(url: string, key: string, name = "bench") {
  const client = new Client({ name, version: "1" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${key}` } },
      fetch: lightFetch,
    }),
  );
  return client;
}

/** Calls per MCP session, under the session budget (100): a long run moves to a new session. */
export const SESSION_CALLS = 90;

const SEVERITIES = ["all", "errors_only", "warnings_only"];

/**
 * The i-th warm call's arguments: every call differs (scope × severity × page), as a model's calls
 * do, and all hit the warm cache. Pages cycle within the first 20, so a run never asks past the last.
 */
export function warmArgs(i: number, scopes: string[][]) {
  const scope = scopes[i % scopes.length]!;
  const severity = SEVERITIES[Math.floor(i / scopes.length) % 3]!;
  const page = Math.floor(i / (scopes.length * 3)) % 20;
  return {
    resource_types: scope,
    severity,
    ...(page ? { cursor: Buffer.from(`o:${page * 100}`).toString("base64url") } : {}),
  };
}
