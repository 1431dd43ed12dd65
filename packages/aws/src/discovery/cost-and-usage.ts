// Cost Explorer spend: GetCostAndUsage (UnblendedCost, MONTHLY, grouped by SERVICE and the Name
// tag), every page. Core's costDataFromCostExplorer turns the answer into CostData. Each request
// costs the customer money, so the caller caches the result.
import { CostExplorerClient, GetCostAndUsageCommand, type ResultByTime } from "@aws-sdk/client-cost-explorer";
import { sdkClientConfig } from "../config";
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

export async function fetchCostAndUsage(input: FetchCostAndUsageInput): Promise<ResultByTime[]> {
  const ce = new CostExplorerClient(sdkClientConfig(input.config, COST_EXPLORER_REGION, input.credentials));
  const results: ResultByTime[] = [];
  try {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: input.timePeriod.Start, End: input.timePeriod.End },
          Granularity: "MONTHLY",
          Metrics: [COST_METRIC],
          GroupBy: [
            { Type: "DIMENSION", Key: "SERVICE" },
            { Type: "TAG", Key: "Name" },
          ],
          ...(input.services?.length
            ? { Filter: { Dimensions: { Key: "SERVICE", Values: [...input.services] } } }
            : {}),
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
  } catch (error) {
    throw awsReadError(error, ["ce:GetCostAndUsage"]);
  } finally {
    ce.destroy();
  }
}
