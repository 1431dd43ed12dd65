// The authorization server: oidc-provider, configured as a plain OAuth 2.1 server for one protected
// resource (the MCP URL). Authorization code with PKCE S256 only, dynamic registration (public and
// client_secret_post clients), resource indicators binding every token to the MCP URL, JWT access
// tokens signed with the database's keys, rotating refresh tokens, revocation. OpenID Connect extras
// (userinfo, logout, introspection, device flow) are off.
import {
  findOAuthAccount,
  loadSigningKeys,
  OAUTH_SIGNING_ALG,
  purgeExpiredOAuthRecords,
  type ServiceDeps,
} from "@tagc/services";
import Provider, { type Configuration, errors, type JWKS } from "oidc-provider";
import { oauthAdapter } from "./adapter";
import { OAUTH_SCOPES, type OAuthConfig } from "./config";
import { renderOAuthError } from "./page";
import { redirectUriProblem } from "./redirect-uris";

export async function createProvider(services: ServiceDeps, config: OAuthConfig): Promise<Provider> {
  // Built hourly per replica (server.ts): a good moment to drop what has expired.
  await purgeExpiredOAuthRecords(services.db, new Date());
  const keys = await loadSigningKeys(services.db, {
    now: new Date(),
    rotateAfterMs: config.signingKeyRotateAfterMs,
    // A retired key verifies until every replica has moved to its successor (providerRefreshMs)
    // and the last access token it signed has expired, with a margin.
    retainMs: config.providerRefreshMs + config.accessTokenTtlSeconds * 1000 * 2,
  });
  const configuration: Configuration = {
    adapter: oauthAdapter(services),
    jwks: { keys } as unknown as JWKS,
    cookies: { keys: [config.cookieKey] },
    // Listed here too so a registration naming them (the MCP SDK sends scope) is accepted; the
    // grant carries them both ways (consent.ts), and only the resource's end up in a token.
    scopes: [...OAUTH_SCOPES],
    claims: {},
    responseTypes: ["code"],
    clientAuthMethods: ["none", "client_secret_post"],
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
      // Only EC keys are stored; no ID token is ever issued (no openid scope), but the default is checked.
      id_token_signed_response_alg: OAUTH_SIGNING_ALG,
    },
    pkce: { required: () => true },
    // Registering twice is fine: each registration is a new client id.
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      // A client revokes only its own tokens (RFC 7009 §2.1); another client's are left alone.
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: false },
      introspection: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // A client that names no resource still gets a token for the MCP URL, and only for it.
        defaultResource: () => config.mcpUrl,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== config.mcpUrl) {
            throw new errors.InvalidTarget(`this server issues tokens only for ${config.mcpUrl}`);
          }
          return {
            scope: OAUTH_SCOPES.join(" "),
            audience: config.mcpUrl,
            accessTokenTTL: config.accessTokenTtlSeconds,
            accessTokenFormat: "jwt",
            jwt: { sign: { alg: OAUTH_SIGNING_ALG } },
          };
        },
      },
    },
    extraClientMetadata: {
      properties: ["client_name"],
      // Called while a registration is validated (and when a stored client loads): the whole
      // metadata is at hand, so this is where the redirect URI policy is enforced.
      validator(_ctx, key, value, metadata) {
        if (key !== "client_name") return;
        for (const uri of (metadata.redirect_uris as string[] | undefined) ?? []) {
          const problem = redirectUriProblem(uri);
          if (problem) throw new errors.InvalidRedirectUri(problem);
        }
        if (typeof value === "string" && value.length > 100) metadata.client_name = value.slice(0, 100);
      },
    },
    // The grant id travels in the token so the resource server can check the grant on every request.
    extraTokenClaims: (_ctx, token) => ("grantId" in token ? { gid: token.grantId } : undefined),
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: () => true,
    // The consent page's browser session is transient; a connector's tokens must outlive it.
    expiresWithSession: () => false,
    // A grant whose API key was revoked has no account any more: its refresh tokens stop working.
    findAccount: async (_ctx, sub) => {
      const account = await findOAuthAccount(services.db, sub, services.now());
      return account ? { accountId: sub, claims: () => ({ sub }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/oauth/interaction/${interaction.uid}` },
    routes: {
      authorization: "/oauth/authorize",
      token: "/oauth/token",
      registration: "/oauth/register",
      revocation: "/oauth/revoke",
      jwks: "/oauth/jwks",
      userinfo: "/oauth/userinfo",
      introspection: "/oauth/introspect",
      end_session: "/oauth/logout",
      pushed_authorization_request: "/oauth/par",
      code_verification: "/oauth/device",
      device_authorization: "/oauth/device/auth",
      backchannel_authentication: "/oauth/backchannel",
    },
    ttl: {
      AccessToken: config.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 60 * 60,
      Grant: config.grantTtlSeconds,
      RefreshToken: config.refreshTokenTtlSeconds,
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = renderOAuthError(out);
    },
  };
  const provider = new Provider(config.issuer, configuration);
  // Behind a TLS-terminating proxy (an https PUBLIC_BASE_URL served on plain http), the forwarded
  // protocol decides whether cookies are Secure.
  provider.proxy = config.issuer.startsWith("https:");
  return provider;
}
