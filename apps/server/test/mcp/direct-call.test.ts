// The edge answers a plain tools/call itself (src/mcp/direct-call.ts) instead of through the SDK's
// per-request server: the answer must be the very bytes the SDK writes. Each call below is sent twice
// over real HTTP, once plain (answered directly) and once with an empty `_meta` (which changes nothing
// for the SDK, but sends the request down the SDK's path), and the two answers are compared byte for
// byte, for both tenants, for results, tool errors and protocol errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directToolCall, isPlainInitialized } from "../../src/mcp/direct-call";
import { type McpHarness, startMcpHarness } from "./harness";

let h: McpHarness;
beforeAll(async () => {
  h = await startMcpHarness();
}, 120_000);
afterAll(() => h?.close());

const HEADERS = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
};

const post = async (key: string, body: unknown) => {
  const response = await fetch(h.url, {
    method: "POST",
    headers: { ...HEADERS, authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
};

const call = (id: string | number, name: string, args?: Record<string, unknown>, meta?: object) => ({
  jsonrpc: "2.0",
  id,
  method: "tools/call",
  params: { name, ...(args === undefined ? {} : { arguments: args }), ...(meta ? { _meta: meta } : {}) },
});

describe("a plain tools/call answered by the edge", () => {
  it.each([
    ["a compliance result", 7, "check_tag_compliance", { resource_types: ["all"] }, "result"],
    [
      "its second page, with a string id",
      "call-8",
      "check_tag_compliance",
      { resource_types: ["all"], limit: 2, cursor: "bzoy" },
      "result",
    ],
    ["another tool's result", 9, "find_untagged_resources", { resource_types: ["all"] }, "result"],
    ["the policy, without arguments", 10, "get_tagging_policy", undefined, "result"],
    [
      "a tool error (bad argument)",
      11,
      "check_tag_compliance",
      { resource_types: ["all"], limit: 1000 },
      "isError",
    ],
    ["an unknown tool (a JSON-RPC error)", 12, "no_such_tool", {}, "error"],
  ])("answers %s with the SDK's bytes, for each tenant", async (_label, id, name, args, kind) => {
    for (const tenant of [h.acme, h.globex]) {
      // A first call fills the cache, so the two compared answers read the same scan.
      await post(tenant.apiKey, call(0, name, args));
      const direct = await post(tenant.apiKey, call(id, name, args));
      const viaSdk = await post(tenant.apiKey, call(id, name, args, {}));
      expect(direct.status).toBe(200);
      expect(direct).toEqual(viaSdk);
      const answer = JSON.parse(direct.body);
      const got = answer.error ? "error" : answer.result.isError ? "isError" : "result";
      expect(got).toBe(kind);
      if (kind === "result") expect(answer.result.structuredContent).toBeTypeOf("object");
    }
  });

  it("carries the caller's request id on both paths' answers", async () => {
    for (const meta of [undefined, {}]) {
      const response = await fetch(h.url, {
        method: "POST",
        headers: { ...HEADERS, authorization: `Bearer ${h.acme.apiKey}`, "x-request-id": "ticket-4242" },
        body: JSON.stringify(call(1, "get_tagging_policy", undefined, meta)),
      });
      await response.text();
      expect(response.headers.get("x-request-id")).toBe("ticket-4242");
    }
  });

  it("answers the plain notifications/initialized 202 with no body, as the SDK does", async () => {
    const plain = await post(h.acme.apiKey, { jsonrpc: "2.0", method: "notifications/initialized" });
    // With params it is the SDK's to answer.
    const viaSdk = await post(h.acme.apiKey, {
      jsonrpc: "2.0",
      method: "notifications/initialized",
      params: {},
    });
    expect(plain).toEqual({ status: 202, type: null, body: "" });
    expect(plain).toEqual(viaSdk);
  });

  it("never answers one tenant with the other's data", async () => {
    // Arguments of their own: the calls above already made the loop detector's count for theirs.
    const scan = call(1, "check_tag_compliance", { resource_types: ["all"], severity: "errors_only" });
    for (const [tenant, other] of [
      [h.acme, h.globex],
      [h.globex, h.acme],
    ] as const) {
      const { result } = JSON.parse((await post(tenant.apiKey, scan)).body);
      expect(result.isError).toBeUndefined();
      expect(result.structuredContent.accounts).toEqual([tenant.accountId]);
      expect(result.content[0].text).not.toContain(other.accountId);
    }
  });
});

describe("which requests go to the SDK instead", () => {
  const plain = call(1, "check_tag_compliance", { resource_types: ["all"] });
  const header = (overrides: Record<string, string | undefined> = {}) => {
    const all: Record<string, string | undefined> = { ...HEADERS, ...overrides };
    return (name: string) => all[name];
  };

  it("takes the plain call", () => {
    expect(directToolCall(header(), plain)).toEqual({
      id: 1,
      params: { name: "check_tag_compliance", arguments: { resource_types: ["all"] } },
    });
    expect(directToolCall(header({ "mcp-protocol-version": undefined }), plain)).toBeDefined();
  });

  it.each([
    ["an Accept without text/event-stream", header({ accept: "application/json" }), plain],
    ["a Content-Type with parameters", header({ "content-type": "application/json; charset=utf-8" }), plain],
    ["an unsupported protocol version", header({ "mcp-protocol-version": "1999-01-01" }), plain],
    ["a batch", header(), [plain]],
    ["another method", header(), { ...plain, method: "tools/list" }],
    ["a notification (no id)", header(), { jsonrpc: "2.0", method: "tools/call", params: plain.params }],
    ["a fractional id", header(), { ...plain, id: 1.5 }],
    ["an extra top-level member", header(), { ...plain, extra: true }],
    ["no params", header(), { jsonrpc: "2.0", id: 1, method: "tools/call" }],
    ["a non-string name", header(), { ...plain, params: { name: 3 } }],
    ["arguments that are not an object", header(), { ...plain, params: { name: "x", arguments: [1] } }],
    [
      "arguments with an own __proto__",
      header(),
      { ...plain, params: JSON.parse('{"name":"x","arguments":{"__proto__":{}}}') },
    ],
    ["_meta", header(), call(1, "check_tag_compliance", {}, {})],
    ["a task", header(), { ...plain, params: { ...plain.params, task: { ttl: 1 } } }],
  ])("leaves %s to the SDK", (_label, headers, body) => {
    expect(directToolCall(headers, body)).toBeUndefined();
  });
});

describe("which notifications are answered directly", () => {
  const header = (name: string) => (HEADERS as Record<string, string | undefined>)[name];
  it.each([
    [{ jsonrpc: "2.0", method: "notifications/initialized" }, true],
    [{ jsonrpc: "2.0", method: "notifications/initialized", params: {} }, false],
    [{ jsonrpc: "2.0", method: "notifications/cancelled" }, false],
    [{ jsonrpc: "2.0", id: 1, method: "notifications/initialized" }, false],
    [{ jsonrpc: "1.0", method: "notifications/initialized" }, false],
    [[{ jsonrpc: "2.0", method: "notifications/initialized" }], false],
  ])("%j → %s", (body, direct) => {
    expect(isPlainInitialized(header, body)).toBe(direct);
  });
  it("not with a header the SDK refuses", () => {
    const body = { jsonrpc: "2.0", method: "notifications/initialized" };
    expect(isPlainInitialized((name) => (name === "accept" ? "application/json" : header(name)), body)).toBe(
      false,
    );
  });
});
