// An MCP client's side of OAuth, as the SDK runs it: an OAuthClientProvider that keeps what the SDK
// hands it in memory, and a browser stand-in that walks the consent pages over HTTP with a cookie
// jar, the way a person would (open the authorization URL, paste a key, press Allow).
import { type OAuthClientProvider, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";

export const REDIRECT_URL = "http://localhost:7777/callback";

export class MemoryOAuthProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = "";
  authorizationUrl?: URL;
  constructor(readonly metadata: Partial<OAuthClientMetadata> = {}) {}
  get redirectUrl() {
    return REDIRECT_URL;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "E2E Connector",
      redirect_uris: [REDIRECT_URL],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      ...this.metadata,
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/** A tiny browser: follows redirects by hand (so the final one to the app is seen, not fetched). */
export class Browser {
  private readonly cookies = new Map<string, string>();
  async go(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; origin?: string } = {},
  ) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (init.origin) headers.origin = init.origin;
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const value = pair.slice(at + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    return response;
  }
  /** Follows redirects within `origin`; returns the first response that is not one, or the redirect out. */
  async follow(url: string | URL, origin: string, init: Parameters<Browser["go"]>[1] = {}) {
    let response = await this.go(url, init);
    let location = response.headers.get("location");
    while (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return { response, location: next };
      response = await this.go(next);
      url = next;
      location = response.headers.get("location");
    }
    return { response, location: undefined, url };
  }
}

export const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? "";

export interface ConsentOutcome {
  code?: string;
  redirect?: URL;
  keyPage: string;
  approvePage?: string;
}

/** Opens the authorization URL, proves membership with `apiKey`, approves; returns the code. */
export async function consent(
  authorizationUrl: URL,
  apiKey: string,
  browser = new Browser(),
): Promise<ConsentOutcome> {
  const origin = authorizationUrl.origin;
  const opened = await browser.follow(authorizationUrl, origin);
  const keyPage = await opened.response.text();
  if (opened.response.status !== 200 || !opened.url)
    throw new Error(`consent page: ${opened.response.status} ${keyPage.slice(0, 300)}`);
  const action = new URL(/action="([^"]+)"/.exec(keyPage)?.[1] ?? "", origin);
  const keyed = await browser.go(action, {
    form: { csrf: hidden(keyPage, "csrf"), step: "key", api_key: apiKey },
    origin,
  });
  const approvePage = await keyed.text();
  if (keyed.status !== 200) return { keyPage: approvePage };
  const approved = await browser.follow(action, origin, {
    form: { csrf: hidden(approvePage, "csrf"), approval: hidden(approvePage, "approval"), step: "approve" },
    origin,
  });
  const redirect = approved.location;
  return { keyPage, approvePage, redirect, code: redirect?.searchParams.get("code") ?? undefined };
}

/** The whole first connection, as a connector does it: 401 → sign-in → finishAuth → connected. */
export async function connectWithOAuth(url: string, apiKey: string, provider = new MemoryOAuthProvider()) {
  const first = new Client({ name: "oauth-e2e", version: "1.0.0" });
  const refused = await first
    .connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }))
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  if (!(refused instanceof UnauthorizedError)) throw new Error(`expected a sign-in, got ${String(refused)}`);
  if (!provider.authorizationUrl) throw new Error("the SDK did not start an authorization");
  const outcome = await consent(provider.authorizationUrl, apiKey);
  if (!outcome.code) throw new Error(`no code: ${outcome.approvePage ?? outcome.keyPage}`.slice(0, 500));
  await new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }).finishAuth(outcome.code);
  const client = new Client({ name: "oauth-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider: provider }));
  return { client, provider, outcome };
}

/** One JSON-RPC request to /mcp with a bearer, outside the SDK (to see the raw status). */
export const mcpPost = (
  url: string,
  token: string,
  body: unknown = { jsonrpc: "2.0", id: 1, method: "tools/list" },
) =>
  fetch(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify(body),
  });

/** A token endpoint request, form-encoded as OAuth clients send it. */
export const tokenRequest = (issuer: string, form: Record<string, string>) =>
  fetch(`${issuer}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });

/** The claims of a JWT, unverified (tests read what the server put in). */
export const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
