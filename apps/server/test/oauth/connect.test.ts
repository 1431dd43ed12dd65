// An OAuth client with no prior configuration connects from the bare MCP URL to a working
// tools/call: the SDK's own auth() runs discovery (RFC 9728 from the 401, then RFC 8414), dynamic
// registration, PKCE S256, the consent step (driven over HTTP), the code exchange and a refresh. The
// token reaches only its own client's data, and stops at once when its grant or API key is revoked.
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type McpHarness, ok, startMcpHarness } from "../mcp/harness";
import { ACME, GLOBEX } from "../mcp/seed";
import { claimsOf, connectWithOAuth, consent, MemoryOAuthProvider, mcpPost, tokenRequest } from "./client";

let h: McpHarness;
let issuer: string;
const admin = { authorization: "Bearer e2e-admin-token-000000000000000" };

beforeAll(async () => {
  h = await startMcpHarness({ publicAtListeningUrl: true });
  issuer = h.url.replace(/\/mcp$/, "");
}, 120_000);
afterAll(() => h?.close());

describe("a connector with no configuration", () => {
  it("connects from the bare MCP URL and calls a tool on its own client's account only", async () => {
    const { client, provider, outcome } = await connectWithOAuth(h.url, h.acme.apiKey);
    expect(outcome.keyPage).toContain("E2E Connector");
    expect(outcome.approvePage).toContain(h.acme.name);
    const claims = claimsOf(provider.saved?.access_token ?? "");
    // The onboarding key has mcp:tools, which includes what mcp:read allows: the token carries both
    // requested scopes and never more than the key allows.
    expect(claims).toMatchObject({
      iss: issuer,
      aud: h.url,
      scope: "mcp:read mcp:tools",
      sub: `${h.acme.id}:${h.acme.keyId}`,
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
    expect(provider.saved?.refresh_token).toBeTruthy();
    const result = await h.call(client, "check_tag_compliance", { resource_types: ["all"] });
    const text = JSON.stringify(ok(result));
    expect(text).toContain(ACME);
    expect(text).not.toContain(GLOBEX);
    await client.close();
  }, 60_000);

  it("two tenants: each token sees only its own client's account, and each grant is listed for its own client only", async () => {
    const acme = await connectWithOAuth(h.url, h.acme.apiKey);
    const globex = await connectWithOAuth(h.url, h.globex.apiKey);
    const seen = JSON.stringify(
      ok(await h.call(globex.client, "check_tag_compliance", { resource_types: ["all"] })),
    );
    expect(seen).toContain(GLOBEX);
    expect(seen).not.toContain(ACME);
    const gid = String(claimsOf(globex.provider.saved?.access_token ?? "").gid);
    const list = async (clientId: string) =>
      (
        (await (await fetch(`${issuer}/v1/clients/${clientId}/oauth-grants`, { headers: admin })).json()) as {
          data: { id: string; oauth_client_name: string }[];
        }
      ).data;
    expect((await list(h.globex.id)).map((g) => g.id)).toContain(gid);
    expect((await list(h.globex.id)).find((g) => g.id === gid)?.oauth_client_name).toBe("E2E Connector");
    expect((await list(h.acme.id)).map((g) => g.id)).not.toContain(gid);
    await Promise.all([acme.client.close(), globex.client.close()]);
  }, 60_000);

  it("a session id issued to an OAuth connection is bound to its grant: an API key of the same client gets 404 with it", async () => {
    const { provider } = await connectWithOAuth(h.url, h.acme.apiKey);
    const init = {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    };
    const opened = await mcpPost(h.url, provider.saved?.access_token ?? "", init);
    const session = opened.headers.get("mcp-session-id") ?? "";
    expect(session).not.toBe("");
    const withKey = await fetch(h.url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${h.acme.apiKey}`,
        "mcp-session-id": session,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
    });
    expect(withKey.status).toBe(404);
  }, 60_000);
});

describe("a confidential client", () => {
  it("registers with client_secret_post and authenticates with its secret at the token endpoint", async () => {
    const provider = new MemoryOAuthProvider({ token_endpoint_auth_method: "client_secret_post" });
    const { client } = await connectWithOAuth(h.url, h.acme.apiKey, provider);
    expect(provider.client?.client_secret).toBeTruthy();
    expect(await auth(provider, { serverUrl: h.url })).toBe("AUTHORIZED");
    const wrongSecret = await tokenRequest(issuer, {
      grant_type: "refresh_token",
      refresh_token: provider.saved?.refresh_token ?? "",
      client_id: provider.client?.client_id ?? "",
      client_secret: "not-the-secret",
    });
    expect(wrongSecret.status).toBe(401);
    await client.close();
  }, 60_000);
});

describe("refresh", () => {
  it("rotates the refresh token: the new pair works, the old refresh token is refused", async () => {
    const { provider } = await connectWithOAuth(h.url, h.acme.apiKey);
    const before = provider.saved;
    expect(await auth(provider, { serverUrl: h.url })).toBe("AUTHORIZED");
    const after = provider.saved;
    expect(after?.refresh_token).toBeTruthy();
    expect(after?.refresh_token).not.toBe(before?.refresh_token);
    expect(after?.access_token).not.toBe(before?.access_token);
    expect((await mcpPost(h.url, after?.access_token ?? "")).status).toBe(200);
    const replay = await tokenRequest(issuer, {
      grant_type: "refresh_token",
      refresh_token: before?.refresh_token ?? "",
      client_id: provider.client?.client_id ?? "",
    });
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe("invalid_grant");
  }, 60_000);
});

describe("revocation reaches the next request", () => {
  it("revoking the API key the grant was made with: the access token is refused and the refresh token stops", async () => {
    const key = await h.issueKey(h.acme);
    const { provider } = await connectWithOAuth(h.url, key.secret);
    const token = provider.saved?.access_token ?? "";
    expect((await mcpPost(h.url, token)).status).toBe(200);
    const revoked = await fetch(`${issuer}/v1/clients/${h.acme.id}/api-keys/${key.id}`, {
      method: "DELETE",
      headers: admin,
    });
    expect(revoked.status).toBe(200);
    const refused = await mcpPost(h.url, token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(refused.headers.get("www-authenticate")).toContain(
      `resource_metadata="${issuer}/.well-known/oauth-protected-resource/mcp"`,
    );
    const refresh = await tokenRequest(issuer, {
      grant_type: "refresh_token",
      refresh_token: provider.saved?.refresh_token ?? "",
      client_id: provider.client?.client_id ?? "",
    });
    expect(refresh.status).toBe(400);
  }, 60_000);

  it("revoking the grant through the admin API: the access token is refused at once", async () => {
    const { provider } = await connectWithOAuth(h.url, h.acme.apiKey);
    const token = provider.saved?.access_token ?? "";
    const gid = String(claimsOf(token).gid);
    const deleted = await fetch(`${issuer}/v1/clients/${h.acme.id}/oauth-grants/${gid}`, {
      method: "DELETE",
      headers: admin,
    });
    expect(deleted.status).toBe(200);
    expect((await mcpPost(h.url, token)).status).toBe(401);
    // The customer's own API key is untouched.
    expect((await mcpPost(h.url, h.acme.apiKey)).status).toBe(200);
  }, 60_000);

  it("revoking the refresh token at the revocation endpoint ends the grant", async () => {
    const { provider } = await connectWithOAuth(h.url, h.acme.apiKey);
    const response = await fetch(`${issuer}/oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token: provider.saved?.refresh_token ?? "",
        token_type_hint: "refresh_token",
        client_id: provider.client?.client_id ?? "",
      }).toString(),
    });
    expect(response.status).toBe(200);
    const refresh = await tokenRequest(issuer, {
      grant_type: "refresh_token",
      refresh_token: provider.saved?.refresh_token ?? "",
      client_id: provider.client?.client_id ?? "",
    });
    expect(refresh.status).toBe(400);
    expect((await mcpPost(h.url, provider.saved?.access_token ?? "")).status).toBe(401);
  }, 60_000);
});

describe("replicas", () => {
  it("a token issued by one replica works on another (shared signing keys), and a revocation seen by one is seen by both", async () => {
    const replica = await h.startReplica();
    try {
      const { provider } = await connectWithOAuth(h.url, h.acme.apiKey);
      const token = provider.saved?.access_token ?? "";
      expect((await mcpPost(replica.url, token)).status).toBe(200);
      const gid = String(claimsOf(token).gid);
      await fetch(`${issuer}/v1/clients/${h.acme.id}/oauth-grants/${gid}`, {
        method: "DELETE",
        headers: admin,
      });
      expect((await mcpPost(replica.url, token)).status).toBe(401);
      expect((await mcpPost(h.url, token)).status).toBe(401);
    } finally {
      await replica.close();
    }
  }, 60_000);
});

describe("revocation by another app", () => {
  it("another registered client cannot revoke a token it was not issued", async () => {
    const { provider } = await connectWithOAuth(h.url, h.acme.apiKey);
    const other = new MemoryOAuthProvider();
    await auth(other, { serverUrl: h.url });
    await fetch(`${issuer}/oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token: provider.saved?.refresh_token ?? "",
        client_id: other.client?.client_id ?? "",
      }).toString(),
    });
    expect((await mcpPost(h.url, provider.saved?.access_token ?? "")).status).toBe(200);
    expect(await auth(provider, { serverUrl: h.url })).toBe("AUTHORIZED");
  }, 60_000);
});

describe("scopes", () => {
  it("a key with only mcp:read yields a token with only mcp:read, and the page says what was not granted", async () => {
    const key = await h.issueKey(h.acme, ["mcp:read"]);
    const provider = new MemoryOAuthProvider();
    expect(await auth(provider, { serverUrl: h.url })).toBe("REDIRECT");
    const outcome = await consent(provider.authorizationUrl as URL, key.secret);
    expect(outcome.approvePage).toContain('id="dropped"');
    expect(outcome.code).toBeTruthy();
    expect(await auth(provider, { serverUrl: h.url, authorizationCode: outcome.code })).toBe("AUTHORIZED");
    expect(claimsOf(provider.saved?.access_token ?? "").scope).toBe("mcp:read");
  }, 60_000);
});
