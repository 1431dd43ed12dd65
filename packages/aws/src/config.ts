// How the control plane reaches AWS. The package never reads the environment itself: the server parses its
// environment once and hands this object in, so tests can point everything at the sandbox.
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { type AwsCallObserver, callLogger, type SdkLogger } from "./observe";
import type { AwsCredentialIdentityProvider } from "./types";

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

export interface SdkClientConfig {
  region: string;
  endpoint?: string;
  /** Only S3 reads it; a custom endpoint (the sandbox) cannot serve virtual-hosted buckets. */
  forcePathStyle?: boolean;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts?: number;
  retryMode: "standard";
  logger?: SdkLogger;
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
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.maxAttempts !== undefined ? { maxAttempts: config.maxAttempts } : {}),
    ...(config.onCall ? { logger: callLogger(config.onCall) } : {}),
  };
}
