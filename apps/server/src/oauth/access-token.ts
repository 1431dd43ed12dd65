// The resource server's half: an access token is accepted at /mcp only if its signature verifies
// against the database's signing keys, it was issued by us, for the MCP URL (aud), and is unexpired,
// and then only while its grant row exists and the grant's API key and client are live. That last
// read happens on every request, so revoking a grant or a key stops its tokens on every replica at
// once, whatever the token's own expiry says.
import type { ApiKey, Client } from "@tagc/db";
import {
  keyAllows,
  liveOAuthGrant,
  oauthAccountId,
  publicSigningKeys,
  type ServiceDeps,
} from "@tagc/services";
import { createLocalJWKSet, errors, type JWK, type JWTPayload, jwtVerify } from "jose";
import type { OAuthConfig } from "./config";

export interface OAuthCaller {
  client: Client;
  key: ApiKey;
  grantId: string;
  /** The token's scopes, never more than its key has now. */
  scopes: string[];
}

/** Whether a bearer value is shaped like a JWT (an API key never is). */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

const RELOAD_AFTER_MS = 5_000;

export function accessTokenVerifier(services: ServiceDeps, config: OAuthConfig) {
  let keys: { set: ReturnType<typeof createLocalJWKSet>; loadedAt: number } | undefined;
  const load = async () => {
    const jwks = (await publicSigningKeys(services.db)) as JWK[];
    keys = { set: createLocalJWKSet({ keys: jwks }), loadedAt: Date.now() };
    return keys;
  };
  const options = {
    issuer: config.issuer,
    audience: config.mcpUrl,
    typ: "at+jwt",
    algorithms: ["ES256"],
  };
  const verifyJwt = async (token: string): Promise<JWTPayload> => {
    const current = keys ?? (await load());
    try {
      return (await jwtVerify(token, current.set, options)).payload;
    } catch (error) {
      // A key another replica created after this one loaded: read the table again (bounded).
      if (error instanceof errors.JWKSNoMatchingKey && Date.now() - current.loadedAt > RELOAD_AFTER_MS) {
        return (await jwtVerify(token, (await load()).set, options)).payload;
      }
      throw error;
    }
  };
  return async function verifyAccessToken(token: string): Promise<OAuthCaller | undefined> {
    let payload: JWTPayload;
    try {
      payload = await verifyJwt(token);
    } catch {
      return undefined;
    }
    if (typeof payload.gid !== "string" || typeof payload.sub !== "string") return undefined;
    const grant = await liveOAuthGrant(services.db, payload.gid, services.now());
    if (!grant || payload.sub !== oauthAccountId(grant.client.id, grant.key.id)) return undefined;
    const scopes = String(payload.scope ?? "")
      .split(" ")
      .filter((scope) => keyAllows(grant.key.scopes, scope));
    return { client: grant.client, key: grant.key, grantId: grant.grantId, scopes };
  };
}

export type AccessTokenVerifier = ReturnType<typeof accessTokenVerifier>;
