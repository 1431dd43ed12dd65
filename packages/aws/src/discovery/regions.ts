// The account's enabled regions (EC2 DescribeRegions). The caller caches the answer per client and
// account: it changes only when the customer opts a region in or out.
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { createSdkClient } from "../config";
import { awsReadError } from "./errors";
import type { AwsAccess } from "./types";

/**
 * The regions AWS enables in every account (those launched before 20 March 2019; opt-in regions
 * launched since are off until the customer enables them). The fallback when DescribeRegions fails
 * and no earlier answer is known: every account can be read there, though opt-in regions it enabled
 * are missed (the caller says so).
 */
export const DEFAULT_ENABLED_REGIONS: readonly string[] = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
];

export interface ListEnabledRegionsInput extends AwsAccess {
  signal?: AbortSignal;
}

/** Enabled region names, sorted. Throws AwsReadError. */
export async function listEnabledRegions(input: ListEnabledRegionsInput): Promise<string[]> {
  const ec2 = createSdkClient(EC2Client, input.config, input.config.region, input.credentials);
  try {
    // Without AllRegions, AWS answers the regions enabled for the account; the status check
    // keeps that true whatever the endpoint.
    const out = await ec2.send(new DescribeRegionsCommand({}), {
      ...(input.signal ? { abortSignal: input.signal } : {}),
    });
    const names = (out.Regions ?? [])
      .filter((r) => r.OptInStatus !== "not-opted-in")
      .flatMap((r) => (r.RegionName ? [r.RegionName] : []));
    return [...new Set(names)].sort();
  } catch (error) {
    throw awsReadError(error, ["ec2:DescribeRegions"]);
  } finally {
    ec2.destroy();
  }
}
