// How the control plane reaches AWS. The package never reads the environment itself: the server parses its
// environment once and hands this object in, so tests can point everything at the sandbox.
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { fastProperties } from "./fast-properties";
import { type AwsCallObserver, type ObservableClient, observeCalls } from "./observe";
import { Sha256 } from "./sha256";
import type { AwsCredentialIdentityProvider } from "./types";
import { memoiseUserAgent } from "./user-agent";

export const DEFAULT_REGION = "us-east-1";

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsConfig {
  /** The control plane's STS region (a regional endpoint is always used). Default "us-east-1". */
  region: string;
  /** AWS_ENDPOINT_URL, e.g. the sandbox: every client uses it, and S3 switches to path style. */
  endpoint?: string;
  /** The control plane's own keys; absent means the standard SDK chain (env, profile, IMDS...). */
  credentials?: StaticCredentials;
  maxAttempts?: number;
  /** Told of every AWS call's service, operation and outcome (the operator's metrics). */
  onCall?: AwsCallObserver;
}

/** Fills the defaults, so callers may pass only what they know. */
export function awsConfig(input: Partial<AwsConfig> = {}): AwsConfig {
  return { ...input, region: input.region ?? DEFAULT_REGION };
}

/** The control plane's own identity: the caller of AssumeRole, never a tenant's session. */
export function controlPlaneCredentials(config: AwsConfig): AwsCredentialIdentityProvider {
  if (!config.credentials) return fromNodeProviderChain();
  const credentials = { ...config.credentials };
  return async () => credentials;
}

/**
 * One keep-alive connection pool for every client built from one AwsConfig (the server builds one at
 * boot). A scan builds a client per (service, region), and with a pool per client each of them opened
 * its own connections (a TLS handshake each against AWS) and closed them when the scan ended; shared,
 * the next scan, any tenant's, reuses them. Connections carry no identity: every request is signed on
 * its own. Idle sockets are unref'd by Node, so the pool never holds a process open.
 */
class SharedHttpHandler extends NodeHttpHandler {
  /** SDK clients destroy their handler with themselves: this one serves the other clients still. */
  override destroy(): void {}
}

const pools = new WeakMap<AwsConfig, SharedHttpHandler>();

function sharedHttpHandler(config: AwsConfig): SharedHttpHandler {
  let handler = pools.get(config);
  if (!handler) {
    // No socket cap per host: our own limiters (per region, per scan, the fair queue) bound how many
    // calls are in flight; a cap here would only queue them a second time, behind other tenants.
    const agent = { maxSockets: Number.POSITIVE_INFINITY };
    handler = new SharedHttpHandler({ httpAgent: agent, httpsAgent: agent });
    pools.set(config, handler);
  }
  return handler;
}

export interface SdkClientConfig {
  region: string;
  endpoint?: string;
  /** Only S3 reads it; a custom endpoint (the sandbox) cannot serve virtual-hosted buckets. */
  forcePathStyle?: boolean;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts?: number;
  retryMode: "standard";
  requestHandler: NodeHttpHandler;
  /** SigV4's hash: the SDK's, with signing keys handed to Node as KeyObjects (sha256.ts says why). */
  sha256: typeof Sha256;
}

/** The options every SDK client of this package is built with. */
export function sdkClientConfig(
  config: AwsConfig,
  region: string,
  credentials: AwsCredentialIdentityProvider,
): SdkClientConfig {
  return {
    region,
    credentials,
    retryMode: "standard",
    requestHandler: sharedHttpHandler(config),
    sha256: Sha256,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.maxAttempts !== undefined ? { maxAttempts: config.maxAttempts } : {}),
  };
}

/**
 * Every SDK client of this package: built from sdkClientConfig (plus `extra`), with the call observer
 * in place of the SDK's logger middleware (observe.ts says why), and its resolved config given fast
 * properties (fast-properties.ts: the SDK copies that object three times per request), and its
 * user-agent headers built once instead of per request (user-agent.ts).
 */
export function createSdkClient<C extends ObservableClient, E extends object = object>(
  Class: new (config: SdkClientConfig & E) => C,
  config: AwsConfig,
  region: string,
  credentials: AwsCredentialIdentityProvider,
  extra?: E,
): C {
  const client = new Class({ ...sdkClientConfig(config, region, credentials), ...(extra as E) });
  fastProperties((client as unknown as { config: object }).config);
  memoiseUserAgent(client as unknown as { config: object; middlewareStack: object });
  observeCalls(client, config.onCall);
  return client;
}
