// An OAuth client with no prior configuration connects from the bare MCP URL to a working
// tools/call: the SDK's own auth() runs discovery (RFC 9728 from the 401, then RFC 8414), dynamic
// registration, PKCE S256, the consent step (driven over HTTP), the code exchange and, later, a
// refresh; the token reaches only its own client's data.

import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type McpHarness, ok, startMcpHarness } from "../mcp/harness";
import { ACME, GLOBEX } from "../mcp/seed";
import { consent, MemoryOAuthProvider } from "./client";

let h: McpHarness;
beforeAll(async () => {
  h = await startMcpHarness({ publicAtListeningUrl: true });
}, 120_000);
afterAll(() => h?.close());

/** The whole first connection, as a connector does it: 401 → sign-in → finishAuth → connected. */
export async function connectWithOAuth(url: string, apiKey: string, provider = new MemoryOAuthProvider()) {
  const first = new Client({ name: "oauth-e2e", version: "1.0.0" });
  await expect(
    first.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider })),
  ).rejects.toThrow(UnauthorizedError);
  if (!provider.authorizationUrl) throw new Error("the SDK did not start an authorization");
  const outcome = await consent(provider.authorizationUrl, apiKey);
  if (!outcome.code) throw new Error(`no code: ${outcome.approvePage ?? outcome.keyPage}`.slice(0, 500));
  const finishing = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  await finishing.finishAuth(outcome.code);
  const client = new Client({ name: "oauth-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
  return { client, provider, outcome };
}

describe("a connector with no configuration", () => {
  it("connects from the bare MCP URL and calls a tool on its own client's account only", async () => {
    const { client, provider, outcome } = await connectWithOAuth(h.url, h.acme.apiKey);
    expect(outcome.approvePage).toContain("E2E Connector");
    expect(provider.saved?.access_token.split(".")).toHaveLength(3);
    expect(provider.saved?.refresh_token).toBeTruthy();
    const result = await h.call(client, "check_tag_compliance", { resource_types: ["all"] });
    const text = JSON.stringify(ok(result));
    expect(text).toContain(ACME);
    expect(text).not.toContain(GLOBEX);
    await client.close();
  }, 60_000);
});
