// The read calls a verify makes with the tenant's session: cheap, one page each, and the two the
// scanner cannot work without (region discovery and the tagging API).
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { type AwsConfig, sdkClientConfig } from "./config";
import { type AwsErrorCode, classifyAwsError } from "./errors";
import type { AwsCredentialIdentityProvider } from "./types";

export interface ProbeResult {
  action: string;
  ok: boolean;
  code?: AwsErrorCode;
}

interface Probe {
  action: string;
  run(config: AwsConfig, region: string, credentials: AwsCredentialIdentityProvider): Promise<unknown>;
}

async function withClient<C extends { destroy(): void }>(client: C, call: (client: C) => Promise<unknown>) {
  try {
    return await call(client);
  } finally {
    client.destroy();
  }
}

export const PROBES: readonly Probe[] = [
  {
    action: "ec2:DescribeRegions",
    run: (config, region, credentials) =>
      withClient(new EC2Client(sdkClientConfig(config, region, credentials)), (ec2) =>
        ec2.send(new DescribeRegionsCommand({})),
      ),
  },
  {
    action: "tag:GetResources",
    run: (config, region, credentials) =>
      withClient(
        new ResourceGroupsTaggingAPIClient(sdkClientConfig(config, region, credentials)),
        (tagging) => tagging.send(new GetResourcesCommand({ ResourcesPerPage: 1 })),
      ),
  },
];

/** Runs every probe concurrently; a failure is recorded with its code, never thrown. */
export function runProbes(
  config: AwsConfig,
  region: string,
  credentials: AwsCredentialIdentityProvider,
): Promise<ProbeResult[]> {
  return Promise.all(
    PROBES.map(async ({ action, run }): Promise<ProbeResult> => {
      try {
        await run(config, region, credentials);
        return { action, ok: true };
      } catch (error) {
        return { action, ok: false, code: classifyAwsError(error).code };
      }
    }),
  );
}
