// The OAuth authorization server's fixed policy and the URLs everything else derives from. The
// issuer is PUBLIC_BASE_URL itself (no path), so its RFC 8414 metadata sits at the root well-known
// and no path-suffixed variant is needed; the protected resource is exactly the public MCP URL.
import { createHash } from "node:crypto";

export const OAUTH_SCOPES = ["mcp:read", "mcp:tools"] as const;

export interface OAuthConfig {
  issuer: string;
  /** The protected resource (RFC 8707 / RFC 9728): access tokens carry it as their audience. */
  mcpUrl: string;
  /** RFC 9728 metadata for the MCP URL (path-inserted well-known), named in every 401 from /mcp. */
  resourceMetadataUrl: string;
  /** Keys the provider's cookies and the consent page's form tokens; derived, never used raw. */
  cookieKey: string;
  formKey: Buffer;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  grantTtlSeconds: number;
  signingKeyRotateAfterMs: number;
  /** Each replica rebuilds its provider this often, so it signs with the newest key soon after a rotation. */
  providerRefreshMs: number;
}

const DAY_S = 24 * 60 * 60;

// Domain separation, as for session ids: one shared secret, one derived key per purpose.
const derive = (secret: string, purpose: string) =>
  createHash("sha256").update(`tagc:${purpose}:v1\0`).update(secret).digest();

export function oauthConfig(publicBaseUrl: string, secret: string): OAuthConfig {
  const issuer = publicBaseUrl.replace(/\/+$/, "");
  return {
    issuer,
    mcpUrl: `${issuer}/mcp`,
    resourceMetadataUrl: `${issuer}/.well-known/oauth-protected-resource/mcp`,
    cookieKey: derive(secret, "oauth-cookies").toString("base64url"),
    formKey: derive(secret, "oauth-consent-form"),
    // Short-lived: the grant is checked on every /mcp request anyway, but a stolen token dies soon.
    accessTokenTtlSeconds: 10 * 60,
    refreshTokenTtlSeconds: 30 * DAY_S,
    grantTtlSeconds: 90 * DAY_S,
    signingKeyRotateAfterMs: 30 * DAY_S * 1000,
    providerRefreshMs: 60 * 60 * 1000,
  };
}
