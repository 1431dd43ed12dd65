// ce:ListCostAllocationTags, every page: the tag keys activated for cost allocation. Cost Explorer
// only splits spend by an active key, so a required key that is not active makes the attributable
// spend of the resources relying on it unknowable (core's costAllocationStatus).
import { CostExplorerClient, ListCostAllocationTagsCommand } from "@aws-sdk/client-cost-explorer";
import { createSdkClient } from "../config";
import { COST_EXPLORER_REGION } from "./cost-and-usage";
import { awsReadError } from "./errors";
import type { AwsAccess } from "./types";

const MAX_PAGES = 100;
/** The API's largest page: fewer calls for accounts with many keys. */
const PAGE_SIZE = 1000;

export interface ListActiveCostAllocationTagsInput extends AwsAccess {
  signal?: AbortSignal;
}

/** The user-defined tag keys whose status is Active, sorted. */
export async function listActiveCostAllocationTags(
  input: ListActiveCostAllocationTagsInput,
): Promise<string[]> {
  const ce = createSdkClient(CostExplorerClient, input.config, COST_EXPLORER_REGION, input.credentials);
  const keys = new Set<string>();
  try {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await ce.send(
        new ListCostAllocationTagsCommand({
          Status: "Active",
          Type: "UserDefined",
          MaxResults: PAGE_SIZE,
          ...(token ? { NextToken: token } : {}),
        }),
        { ...(input.signal ? { abortSignal: input.signal } : {}) },
      );
      for (const tag of out.CostAllocationTags ?? []) if (tag.TagKey !== undefined) keys.add(tag.TagKey);
      const next = out.NextToken || undefined;
      if (!next || next === token) break;
      token = next;
    }
    return [...keys].sort();
  } catch (error) {
    throw awsReadError(error, ["ce:ListCostAllocationTags"]);
  } finally {
    ce.destroy();
  }
}
