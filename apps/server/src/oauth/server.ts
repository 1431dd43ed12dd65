// The OAuth side of one app: configuration, the provider (built on first use: it needs the signing
// keys from the database, and createApp is synchronous; rebuilt hourly so that a replica picks up a
// rotated key without a restart), and the /mcp token verifier.
import type { ServiceDeps } from "@tagc/services";
import type Provider from "oidc-provider";
import { type AccessTokenVerifier, accessTokenVerifier } from "./access-token";
import { type OAuthConfig, oauthConfig } from "./config";
import { createProvider } from "./provider";

export interface OAuthServer {
  config: OAuthConfig;
  services: ServiceDeps;
  provider(): Promise<Provider>;
  verifyAccessToken: AccessTokenVerifier;
}

export function createOAuthServer(services: ServiceDeps, publicBaseUrl: string, secret: string): OAuthServer {
  const config = oauthConfig(publicBaseUrl, secret);
  let current: { provider: Promise<Provider>; builtAt: number } | undefined;
  return {
    config,
    services,
    provider: () => {
      if (!current || Date.now() - current.builtAt > config.providerRefreshMs) {
        const built = createProvider(services, config);
        const entry = { provider: built, builtAt: Date.now() };
        // A database hiccup while building is retried by the next request.
        built.catch(() => {
          if (current === entry) current = undefined;
        });
        current = entry;
      }
      return current.provider;
    },
    verifyAccessToken: accessTokenVerifier(services, config),
  };
}
