// The OAuth surface as RFCs and the MCP authorization spec describe it: discovery documents, dynamic
// registration and its redirect URI policy, PKCE S256 only, tokens bound to the MCP URL (any other
// resource refused), the consent page's errors and CSRF defences, and what is stored (hashes only).
import { createHash } from "node:crypto";
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { oauthRecords } from "@tagc/db";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type McpHarness, startMcpHarness } from "../mcp/harness";
import {
  Browser,
  claimsOf,
  connectWithOAuth,
  hidden,
  MemoryOAuthProvider,
  mcpPost,
  REDIRECT_URL,
  tokenRequest,
} from "./client";

let h: McpHarness;
let issuer: string;

beforeAll(async () => {
  h = await startMcpHarness({ publicAtListeningUrl: true });
  issuer = h.url.replace(/\/mcp$/, "");
}, 120_000);
afterAll(() => h?.close());

const register = (metadata: Record<string, unknown>) =>
  fetch(`${issuer}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "Probe", token_endpoint_auth_method: "none", ...metadata }),
  });

describe("discovery", () => {
  it("publishes RFC 9728 metadata whose resource is exactly the MCP URL, at the root and path-inserted well-knowns", async () => {
    for (const path of [
      "/.well-known/oauth-protected-resource/mcp",
      "/.well-known/oauth-protected-resource",
    ]) {
      const response = await fetch(`${issuer}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        resource: h.url,
        authorization_servers: [issuer],
        scopes_supported: ["mcp:read", "mcp:tools"],
        bearer_methods_supported: ["header"],
      });
    }
  });

  it("names that metadata in every 401 from /mcp", async () => {
    const response = await fetch(h.url, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(
      `Bearer realm="tagc-mcp", resource_metadata="${issuer}/.well-known/oauth-protected-resource/mcp"`,
    );
  });

  it("publishes RFC 8414 metadata with the issuer = the public base URL, PKCE S256 only, registration, revocation and a JWKS", async () => {
    const metadata = (await (
      await fetch(`${issuer}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      registration_endpoint: `${issuer}/oauth/register`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      jwks_uri: `${issuer}/oauth/jwks`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
    const jwks = (await (await fetch(String(metadata.jwks_uri))).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: "EC", alg: "ES256", use: "sig" });
      expect(key.d).toBeUndefined();
    }
  });
});

describe("dynamic client registration", () => {
  it("registering the same metadata twice gives two client ids; a confidential client gets a secret", async () => {
    const first = (await (await register({ redirect_uris: [REDIRECT_URL] })).json()) as { client_id: string };
    const second = (await (await register({ redirect_uris: [REDIRECT_URL] })).json()) as {
      client_id: string;
    };
    expect(first.client_id).toBeTruthy();
    expect(second.client_id).not.toBe(first.client_id);
    const confidential = await register({
      redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
      token_endpoint_auth_method: "client_secret_post",
    });
    expect(confidential.status).toBe(201);
    expect(((await confidential.json()) as { client_secret?: string }).client_secret).toBeTruthy();
  });

  it.each([
    ["plain http off the loopback", "http://attacker.example/cb"],
    ["a javascript: URI", "javascript:alert(1)"],
    ["a custom scheme", "myapp://callback"],
  ])("refuses %s as a redirect URI", async (_label, uri) => {
    const response = await register({ redirect_uris: [uri] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /^invalid_(redirect_uri|client_metadata)$/,
    );
  });

  it.each([
    ["http://127.0.0.1:5555/cb"],
    ["http://localhost/cb"],
    ["https://claude.ai/api/mcp/auth_callback"],
  ])("accepts %s", async (uri) => {
    expect((await register({ redirect_uris: [uri] })).status).toBe(201);
  });

  // mcp-remote sends its configured `Authorization: Bearer <API key>` header on OAuth requests too.
  it("ignores a working API key in a bearer header, and names a revoked one and what to change", async () => {
    const withBearer = (secret: string) =>
      fetch(`${issuer}/oauth/register`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          client_name: "Bridge",
          token_endpoint_auth_method: "none",
          redirect_uris: [REDIRECT_URL],
        }),
      });
    expect((await withBearer(h.acme.apiKey)).status).toBe(201);
    const key = await h.issueKey(h.acme);
    await fetch(`${issuer}/v1/clients/${h.acme.id}/api-keys/${key.id}`, {
      method: "DELETE",
      headers: { authorization: "Bearer e2e-admin-token-000000000000000" },
    });
    for (const response of [
      await withBearer(key.secret),
      await fetch(`${issuer}/oauth/token`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Bearer ${key.secret}`,
        },
        body: new URLSearchParams({ grant_type: "authorization_code", code: "x", client_id: "y" }).toString(),
      }),
    ]) {
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe("invalid_request");
      expect(body.error_description).toContain(
        `API key ${key.secret.slice(0, 16)}… in its Authorization header`,
      );
      expect(body.error_description).toContain("is revoked");
      expect(body.error_description).not.toContain(key.secret);
    }
  });
});

describe("authorization requests", () => {
  async function authorizeUrl(params: Record<string, string | undefined>) {
    const client = (await (await register({ redirect_uris: [REDIRECT_URL] })).json()) as {
      client_id: string;
    };
    const url = new URL(`${issuer}/oauth/authorize`);
    const all: Record<string, string | undefined> = {
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: REDIRECT_URL,
      scope: "mcp:tools",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      resource: h.url,
      state: "s1",
      ...params,
    };
    for (const [k, v] of Object.entries(all)) if (v !== undefined) url.searchParams.set(k, v);
    return url;
  }
  const errorOf = async (url: URL) => {
    const response = await fetch(url, { redirect: "manual" });
    const location = new URL(response.headers.get("location") ?? "", issuer);
    return location.searchParams.get("error");
  };

  it("refuses a request without PKCE, or with the plain method", async () => {
    expect(
      await errorOf(await authorizeUrl({ code_challenge: undefined, code_challenge_method: undefined })),
    ).toBe("invalid_request");
    expect(await errorOf(await authorizeUrl({ code_challenge_method: "plain" }))).toBe("invalid_request");
  });

  it("refuses a resource other than the MCP URL", async () => {
    expect(await errorOf(await authorizeUrl({ resource: "https://other.example/mcp" }))).toBe(
      "invalid_target",
    );
  });

  it("refuses a token request for another resource", async () => {
    const provider = new MemoryOAuthProvider();
    expect(await auth(provider, { serverUrl: h.url })).toBe("REDIRECT");
    const { consent } = await import("./client");
    const outcome = await consent(provider.authorizationUrl as URL, h.acme.apiKey);
    const response = await tokenRequest(issuer, {
      grant_type: "authorization_code",
      code: outcome.code ?? "",
      code_verifier: provider.verifier,
      redirect_uri: REDIRECT_URL,
      client_id: provider.client?.client_id ?? "",
      resource: "https://other.example/mcp",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_target");
  });
});

describe("the resource server", () => {
  it("refuses a token signed by another key, or for another audience", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ scope: "mcp:tools", gid: "g", client_id: "c" })
      .setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: "forged" })
      .setIssuer(issuer)
      .setAudience(h.url)
      .setSubject(`${h.acme.id}:${h.acme.keyId}`)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(privateKey);
    const response = await mcpPost(h.url, forged);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });
});

describe("the consent page", () => {
  async function open() {
    const provider = new MemoryOAuthProvider();
    await auth(provider, { serverUrl: h.url });
    const browser = new Browser();
    const opened = await browser.follow(provider.authorizationUrl as URL, issuer);
    const page = await opened.response.text();
    return { browser, page, action: new URL(/action="([^"]+)"/.exec(page)?.[1] ?? "", issuer) };
  }

  it("is a server-rendered form that cannot be framed", async () => {
    const provider = new MemoryOAuthProvider();
    await auth(provider, { serverUrl: h.url });
    const browser = new Browser();
    const opened = await browser.follow(provider.authorizationUrl as URL, issuer);
    expect(opened.response.status).toBe(200);
    expect(opened.response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(opened.response.headers.get("x-frame-options")).toBe("DENY");
    const page = await opened.response.text();
    expect(page).toContain('name="api_key"');
    expect(page).toContain("mcp:read");
  });

  it.each([
    ["a malformed key", "not-a-key", "not a valid API key"],
    ["an unknown key", "tagc_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA000000", "not a valid API key"],
  ])("says so clearly for %s, and issues nothing", async (_label, key, message) => {
    const { browser, page, action } = await open();
    const response = await browser.go(action, {
      form: { csrf: hidden(page, "csrf"), step: "key", api_key: key },
      origin: issuer,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it("says a revoked key is revoked", async () => {
    const key = await h.issueKey(h.acme);
    await fetch(`${issuer}/v1/clients/${h.acme.id}/api-keys/${key.id}`, {
      method: "DELETE",
      headers: { authorization: "Bearer e2e-admin-token-000000000000000" },
    });
    const { browser, page, action } = await open();
    const response = await browser.go(action, {
      form: { csrf: hidden(page, "csrf"), step: "key", api_key: key.secret },
      origin: issuer,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("revoked");
  });

  it("refuses a post without the form token, from another origin, or without the interaction cookie", async () => {
    const { browser, page, action } = await open();
    const noToken = await browser.go(action, {
      form: { step: "key", api_key: h.acme.apiKey },
      origin: issuer,
    });
    expect(noToken.status).toBe(403);
    const crossSite = await browser.go(action, {
      form: { csrf: hidden(page, "csrf"), step: "key", api_key: h.acme.apiKey },
      origin: "https://attacker.example",
    });
    expect(crossSite.status).toBe(403);
    const otherBrowser = await new Browser().go(action, {
      form: { csrf: hidden(page, "csrf"), step: "key", api_key: h.acme.apiKey },
      origin: issuer,
    });
    expect(otherBrowser.status).toBe(400);
    expect(await otherBrowser.text()).toContain("expired");
  });

  it("a forged approval (another client's account) is refused", async () => {
    const { browser, page, action } = await open();
    const keyed = await browser.go(action, {
      form: { csrf: hidden(page, "csrf"), step: "key", api_key: h.acme.apiKey },
      origin: issuer,
    });
    const approval = hidden(await keyed.text(), "approval");
    const forged = approval.replace(h.acme.id, h.globex.id).replace(h.acme.keyId, h.globex.keyId);
    const response = await browser.go(action, {
      form: { csrf: hidden(page, "csrf"), step: "approve", approval: forged },
      origin: issuer,
    });
    expect(response.status).toBe(400);
  });

  it("denying sends the app access_denied", async () => {
    const { browser, page, action } = await open();
    const denied = await browser.follow(action, issuer, {
      form: { csrf: hidden(page, "csrf"), step: "deny" },
      origin: issuer,
    });
    expect(denied.location?.searchParams.get("error")).toBe("access_denied");
  });
});

describe("what operations see", () => {
  it("counts an OAuth response by the status oidc-provider sent, not the adapter's placeholder 200", async () => {
    const refused = await tokenRequest(issuer, {
      grant_type: "authorization_code",
      code: "nope",
      client_id: "nobody",
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const metrics = await (await fetch(`${issuer}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(
        `tagc_http_requests_total\\{method="POST",route="/oauth/\\*",status="${refused.status}"\\} [1-9]`,
      ),
    );
  });
});

describe("storage", () => {
  it("keeps refresh tokens, codes and sessions only as hashes (the value appears nowhere in a row)", async () => {
    const { provider, outcome } = await connectWithOAuth(h.url, h.acme.apiKey);
    const refresh = provider.saved?.refresh_token ?? "";
    const rows = await h.services.db.select().from(oauthRecords);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(refresh);
    expect(dump).not.toContain(outcome.code);
    const hash = createHash("sha256").update(refresh).digest("hex");
    expect(rows.some((row) => row.kind === "RefreshToken" && row.id === hash)).toBe(true);
    expect(
      rows.find((row) => row.kind === "Grant" && row.id === claimsOf(provider.saved?.access_token ?? "").gid),
    ).toBeTruthy();
  }, 60_000);
});
