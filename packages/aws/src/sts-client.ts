// STS always through a regional endpoint: the global one lives in us-east-1 only, adds latency and
// a single point of failure, and issues tokens that opt-in regions reject.
import { STSClient } from "@aws-sdk/client-sts";
import { type AwsConfig, createSdkClient } from "./config";
import type { AwsCredentialIdentityProvider } from "./types";

export function createStsClient(config: AwsConfig, credentials: AwsCredentialIdentityProvider): STSClient {
  if (config.region === "aws-global") {
    throw new RangeError('AwsConfig.region must be a real region: "aws-global" is the global STS endpoint');
  }
  // useGlobalEndpoint is set explicitly so AWS_STS_REGIONAL_ENDPOINTS=legacy cannot flip it.
  return createSdkClient(STSClient, config, config.region, credentials, { useGlobalEndpoint: false });
}
