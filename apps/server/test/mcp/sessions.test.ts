// Server-issued sessions (issue 12): initialize answers an Mcp-Session-Id the server signed for the
// caller's client and key; a later request with an unknown, forged, foreign or expired id gets 404 so
// the client re-initializes; the loop detector and session budget key on the genuine id, so inventing
// a fresh id per call no longer resets them. Two tenants: one's session id is nothing to the other.
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { loadClient, MCP_SESSION_HOURS, revokeApiKey } from "@tagc/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, START, startMcpHarness } from "./harness";

let h: McpHarness;
beforeAll(async () => {
  h = await startMcpHarness();
}, 120_000);
afterAll(() => h?.close());

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};
const listTools = { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} };
const post = (key: string, body: unknown, session?: string) =>
  fetch(h.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${key}`,
      "mcp-protocol-version": "2025-06-18",
      ...(session === undefined ? {} : { "mcp-session-id": session }),
    },
    body: JSON.stringify(body),
  });
const open = async (key: string) => {
  const response = await post(key, initialize);
  expect(response.status).toBe(200);
  const id = response.headers.get("mcp-session-id");
  if (!id) throw new Error("initialize answered without Mcp-Session-Id");
  return id;
};
const sessionOf = (client: Awaited<ReturnType<McpHarness["connect"]>>) =>
  (client.transport as StreamableHTTPClientTransport | undefined)?.sessionId;

describe("server-issued MCP sessions", () => {
  it("initialize answers a fresh signed session id in visible ASCII; the SDK client keeps and sends it", async () => {
    const first = await open(h.acme.apiKey);
    const second = await open(h.acme.apiKey);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[\x21-\x7e]{20,200}$/);
    const client = await h.connect(h.acme.apiKey);
    expect(sessionOf(client)).toMatch(/^s1\./);
    const policy = ok<{ version: string }>(await h.call(client, "get_tagging_policy"));
    expect(policy.version).toBeTruthy();
    const listed = await post(h.acme.apiKey, listTools, first);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(17);
  });

  it.each([
    ["an id the client invented", () => "my-own-session-id"],
    ["a forged id (signature altered)", (id: string) => `${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`],
    ["a forged id (payload altered)", (id: string) => id.replace(/^s1\.[0-9a-z]+/, "s1.zzzzzz")],
    ["an oversized id", () => "s".repeat(5000)],
  ])("answers 404 with a JSON-RPC error to %s, before any tool runs", async (_label, mutate) => {
    const genuine = await open(h.acme.apiKey);
    const response = await post(h.acme.apiKey, listTools, mutate(genuine));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      jsonrpc: "2.0",
      error: { code: -32001, message: expect.stringMatching(/initialize/) },
      id: null,
    });
  });

  it("refuses one tenant's session id on another tenant's key, and on another key of the same tenant", async () => {
    const acmeSession = await open(h.acme.apiKey);
    expect((await post(h.globex.apiKey, listTools, acmeSession)).status).toBe(404);
    const globexSession = await open(h.globex.apiKey);
    expect((await post(h.acme.apiKey, listTools, globexSession)).status).toBe(404);
    const other = await h.issueKey(h.acme);
    expect((await post(other.secret, listTools, acmeSession)).status).toBe(404);
    expect((await post(h.acme.apiKey, listTools, acmeSession)).status).toBe(200);
    expect((await post(h.globex.apiKey, listTools, globexSession)).status).toBe(200);
  });

  it("a revoked key ends its sessions: 401 even with a genuine id", async () => {
    const key = await h.issueKey(h.acme);
    const session = await open(key.secret);
    expect((await post(key.secret, listTools, session)).status).toBe(200);
    const admin = { deps: h.services, actor: { kind: "admin" as const, subject: "test" }, requestId: "test" };
    await revokeApiKey({
      ctx: { ...admin, client: await loadClient(h.services.db, h.acme.id) },
      input: { key_id: key.id },
    });
    expect((await post(key.secret, listTools, session)).status).toBe(401);
  });

  it("expires a session after its lifetime; initialize then starts a new one", async () => {
    h.clock.set(START);
    const session = await open(h.acme.apiKey);
    h.clock.advance(MCP_SESSION_HOURS * 3_600_000 + 60_000);
    try {
      expect((await post(h.acme.apiKey, listTools, session)).status).toBe(404);
      const fresh = await open(h.acme.apiKey);
      expect((await post(h.acme.apiKey, listTools, fresh)).status).toBe(200);
    } finally {
      h.clock.set(START);
    }
  });

  it("the loop detector counts a session's identical calls; a fresh session id is not a way around it", async () => {
    const client = await h.connect(h.globex.apiKey);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await h.call(client, "get_tagging_policy", {}));
    for (const r of results.slice(0, 3)) ok(r);
    for (const r of results.slice(3)) expect(errorText(r)).toMatch(/identical|repeat/i);
    // What used to reset the detector: a new invented id per call. Now it never reaches a tool.
    const call = {
      jsonrpc: "2.0",
      id: 9,
      method: "tools/call",
      params: { name: "get_tagging_policy", arguments: {} },
    };
    for (let i = 0; i < 3; i++) expect((await post(h.globex.apiKey, call, `invented-${i}`)).status).toBe(404);
    // A new session is a new conversation: its first identical call is allowed again.
    const next = await h.connect(h.globex.apiKey);
    expect(sessionOf(next)).not.toBe(sessionOf(client));
    ok(await h.call(next, "get_tagging_policy", {}));
  });
});
