// Cost Explorer spend: GetCostAndUsage (UnblendedCost, MONTHLY), every page, as two queries:
// 1. GroupBy SERVICE + TAG:Name: every service's spend;
// 2. Filter SERVICE = "EC2 - Other", GroupBy USAGE_TYPE + TAG:Name: AWS bills EBS volumes,
//    snapshots, NAT gateways, public IPv4 and EC2 data transfer all under that one service, so only
//    its usage types tell them apart (GroupBy allows two keys, hence a second query);
// 3. the same for "Amazon Virtual Private Cloud" (VPN connections, endpoints, transit gateways and
//    public IPv4 addresses), only when that service is wanted: each request is billed.
// Core's costDataFromCostExplorer turns both into CostData. Each request costs the customer money,
// so the caller caches the result.
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type ResultByTime,
} from "@aws-sdk/client-cost-explorer";
import {
  billedServiceNames,
  type CostData,
  costDataFromCostExplorer,
  EC2_OTHER,
  VPC_SERVICE,
} from "@tagc/core";
import { createSdkClient } from "../config";
import { awsReadError } from "./errors";
import type { AwsAccess } from "./types";

/** Cost Explorer has one endpoint, in us-east-1. */
export const COST_EXPLORER_REGION = "us-east-1";
export const COST_METRIC = "UnblendedCost";
/** A runaway token loop stops here rather than calling (and billing) forever. */
const MAX_PAGES = 1_000;

export interface FetchCostAndUsageInput extends AwsAccess {
  /** YYYY-MM-DD, End exclusive. */
  timePeriod: { Start: string; End: string };
  /** Cost Explorer service names to keep (a SERVICE dimension filter); all when absent. */
  services?: readonly string[];
  signal?: AbortSignal;
}

type Query = Pick<GetCostAndUsageCommandInput, "GroupBy" | "Filter">;

async function allPages(ce: CostExplorerClient, input: FetchCostAndUsageInput, query: Query) {
  const results: ResultByTime[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: input.timePeriod.Start, End: input.timePeriod.End },
        Granularity: "MONTHLY",
        Metrics: [COST_METRIC],
        ...query,
        ...(token ? { NextPageToken: token } : {}),
      }),
      { ...(input.signal ? { abortSignal: input.signal } : {}) },
    );
    // One period's groups may continue on the next page: the pages are concatenated as they are.
    results.push(...(out.ResultsByTime ?? []));
    const next = out.NextPageToken || undefined;
    if (!next || next === token) return results;
    token = next;
  }
  return results;
}

async function withClient<T>(input: FetchCostAndUsageInput, run: (ce: CostExplorerClient) => Promise<T>) {
  const ce = createSdkClient(CostExplorerClient, input.config, COST_EXPLORER_REGION, input.credentials);
  try {
    return await run(ce);
  } catch (error) {
    throw awsReadError(error, ["ce:GetCostAndUsage"]);
  } finally {
    ce.destroy();
  }
}

const byServiceQuery = (input: FetchCostAndUsageInput): Query => ({
  GroupBy: [
    { Type: "DIMENSION", Key: "SERVICE" },
    { Type: "TAG", Key: "Name" },
  ],
  ...(input.services?.length
    ? // Renamed services are asked for under every name their spend is billed under.
      {
        Filter: {
          Dimensions: { Key: "SERVICE", Values: [...new Set(input.services.flatMap(billedServiceNames))] },
        },
      }
    : {}),
});

const EC2_OTHER_QUERY: Query = {
  GroupBy: [
    { Type: "DIMENSION", Key: "USAGE_TYPE" },
    { Type: "TAG", Key: "Name" },
  ],
  Filter: { Dimensions: { Key: "SERVICE", Values: [EC2_OTHER] } },
};

const VPC_QUERY: Query = {
  GroupBy: [
    { Type: "DIMENSION", Key: "USAGE_TYPE" },
    { Type: "TAG", Key: "Name" },
  ],
  Filter: { Dimensions: { Key: "SERVICE", Values: [VPC_SERVICE] } },
};

const billsService = (results: readonly ResultByTime[], service: string) =>
  results.some((result) => (result.Groups ?? []).some((group) => group.Keys?.includes(service)));

/** Query 1 only: spend per service and Name tag. */
export async function fetchCostAndUsage(input: FetchCostAndUsageInput): Promise<ResultByTime[]> {
  return withClient(input, (ce) => allPages(ce, input, byServiceQuery(input)));
}

/** Both queries, parsed: the CostData the attribution tools read (EC2 - Other split by usage type). */
export async function fetchCostData(input: FetchCostAndUsageInput): Promise<CostData> {
  return withClient(input, async (ce) => {
    const byService = await allPages(ce, input, byServiceQuery(input));
    // A service filter without EC2 - Other needs no split (and would pay for a useless query).
    const wants = (service: string) => !input.services?.length || input.services.includes(service);
    const ec2OtherByUsageType = wants(EC2_OTHER) ? await allPages(ce, input, EC2_OTHER_QUERY) : undefined;
    // The VPC split is asked for only when the first answer shows VPC spend: many accounts have none.
    const vpcByUsageType =
      wants(VPC_SERVICE) && billsService(byService, VPC_SERVICE)
        ? await allPages(ce, input, VPC_QUERY)
        : undefined;
    return costDataFromCostExplorer(byService, {
      metric: COST_METRIC,
      ...(ec2OtherByUsageType ? { ec2OtherByUsageType } : {}),
      ...(vpcByUsageType ? { vpcByUsageType } : {}),
    });
  });
}
