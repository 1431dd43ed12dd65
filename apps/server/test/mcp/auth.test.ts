// The MCP edge fails closed: no key, a wrong key, a revoked key or a bad Origin is refused before any
// tool runs; guardrails refuse loops and read-only keys with messages the model can act on.
import { auditEvents } from "@tagc/db";
import { loadClient, revokeApiKey } from "@tagc/services";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorText, type McpHarness, ok, startMcpHarness } from "./harness";

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
const post = (headers: Record<string, string>, body: unknown = initialize) =>
  fetch(h.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: JSON.stringify(body),
  });
const auditCount = async () =>
  (await h.services.db.select().from(auditEvents).where(eq(auditEvents.clientId, h.acme.id))).length;

// Every 401 names the protected resource metadata (RFC 9728): how an OAuth client finds the sign-in.
const METADATA = ', resource_metadata="https://tagc.test/.well-known/oauth-protected-resource/mcp"';

describe("authentication", () => {
  it.each([
    ["no key", {}, `Bearer realm="tagc-mcp"${METADATA}`],
    [
      "a malformed key",
      { authorization: "Bearer not-a-key" },
      `Bearer realm="tagc-mcp", error="invalid_token"${METADATA}`,
    ],
    [
      "a well-formed unknown key",
      { authorization: "Bearer tagc_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000" },
      `Bearer realm="tagc-mcp", error="invalid_token"${METADATA}`,
    ],
  ])("refuses %s with 401, a JSON-RPC error and WWW-Authenticate", async (_label, headers, challenge) => {
    const before = await auditCount();
    const res = await post(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(challenge);
    const body = (await res.json()) as {
      jsonrpc: string;
      error: { code: number; message: string };
      id: null;
    };
    expect(body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32001 } });
    expect(await auditCount()).toBe(before);
  });

  it("refuses a revoked key at once, and the SDK client sees the 401", async () => {
    const key = await h.issueKey(h.acme);
    const client = await h.connect(key.secret);
    ok(await h.call(client, "get_tagging_policy"));
    const admin = { deps: h.services, actor: { kind: "admin" as const, subject: "t" }, requestId: "t" };
    await revokeApiKey({
      ctx: { ...admin, client: await loadClient(h.services.db, h.acme.id) },
      input: { key_id: key.id },
    });
    await expect(h.call(client, "get_tagging_policy")).rejects.toThrow(/invalid, revoked or expired/);
    expect((await post({ authorization: `Bearer ${key.secret}` })).status).toBe(401);
  });

  it("refuses a browser Origin it does not know, and accepts its own", async () => {
    const res = await post({ authorization: `Bearer ${h.acme.apiKey}`, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(
      (await post({ authorization: `Bearer ${h.acme.apiKey}`, origin: "https://tagc.test" })).status,
    ).toBe(200);
  });
});

describe("guardrails", () => {
  it("refuses the 4th identical call within 5 minutes, but not a different one", async () => {
    const client = await h.connect((await h.issueKey(h.globex)).secret);
    for (let i = 0; i < 3; i++) ok(await h.call(client, "get_violation_history", { days_back: 3 }));
    expect(errorText(await h.call(client, "get_violation_history", { days_back: 3 }))).toContain(
      "4 times with the same arguments",
    );
    ok(await h.call(client, "get_violation_history", { days_back: 4 }));
  });

  it("keeps read-only keys from changing settings", async () => {
    const client = await h.connect((await h.issueKey(h.acme, ["mcp:read"])).secret);
    expect(
      errorText(await h.call(client, "schedule_compliance_audit", { schedule: "daily", time: "08:00" })),
    ).toContain("read-only");
    ok(await h.call(client, "schedule_compliance_audit", { action: "list" }));
  });

  it("audits every tool call with the key, outcome and error code, without secrets", async () => {
    const client = await h.connect(h.acme.apiKey);
    await h.call(client, "check_tag_compliance", { resource_types: ["ec2:vpc"] });
    await h.services.audit?.flush(); // tool calls' rows are batched off the hot path
    const rows = await h.services.db.select().from(auditEvents).where(eq(auditEvents.clientId, h.acme.id));
    const row = rows.find((r) => r.operation === "check_tag_compliance" && r.outcome === "error");
    expect(row).toMatchObject({
      actor: "api_key",
      apiKeyId: h.acme.keyId,
      errorCode: "INVALID_REQUEST",
      params: { resource_types: ["ec2:vpc"] },
    });
    expect(JSON.stringify(rows)).not.toContain(h.acme.apiKey);
    expect(JSON.stringify(rows)).not.toContain(h.acme.externalId);
  });
});
