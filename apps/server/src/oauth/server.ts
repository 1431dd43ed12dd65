// The OAuth side of one app: configuration, the provider (built on first use: it needs the signing
// keys from the database, and createApp is synchronous), and the /mcp token verifier.
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
  let provider: Promise<Provider> | undefined;
  return {
    config,
    services,
    provider: () => {
      provider ??= createProvider(services, config).catch((error: unknown) => {
        provider = undefined; // a database hiccup at first use is retried by the next request
        throw error;
      });
      return provider;
    },
    verifyAccessToken: accessTokenVerifier(services, config),
  };
}
