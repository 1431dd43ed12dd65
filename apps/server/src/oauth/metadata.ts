// Discovery documents. Built from the configuration rather than the request, so every replica and
// every proxy path answers the same URLs (PUBLIC_BASE_URL is the one truth).
import { OAUTH_SCOPES, type OAuthConfig } from "./config";

/** RFC 9728: what the MCP URL is and who issues tokens for it. */
export const protectedResourceMetadata = (config: OAuthConfig) => ({
  resource: config.mcpUrl,
  authorization_servers: [config.issuer],
  scopes_supported: [...OAUTH_SCOPES],
  bearer_methods_supported: ["header"],
  resource_name: "Tag Compliance Cloud MCP",
});

/** RFC 8414: only what this server does (code + PKCE S256, DCR, refresh, revocation). */
export const authorizationServerMetadata = (config: OAuthConfig) => ({
  issuer: config.issuer,
  authorization_endpoint: `${config.issuer}/oauth/authorize`,
  token_endpoint: `${config.issuer}/oauth/token`,
  registration_endpoint: `${config.issuer}/oauth/register`,
  revocation_endpoint: `${config.issuer}/oauth/revoke`,
  jwks_uri: `${config.issuer}/oauth/jwks`,
  scopes_supported: [...OAUTH_SCOPES],
  response_types_supported: ["code"],
  response_modes_supported: ["query"],
  grant_types_supported: ["authorization_code", "refresh_token"],
  code_challenge_methods_supported: ["S256"],
  token_endpoint_auth_methods_supported: ["none", "client_secret_post"],
  revocation_endpoint_auth_methods_supported: ["none", "client_secret_post"],
  authorization_response_iss_parameter_supported: true,
});
