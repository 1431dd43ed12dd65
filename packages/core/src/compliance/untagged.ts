// find_untagged_resources: resources missing at least one applicable required tag. Only presence is
// checked here (values are check_tag_compliance's job), so an empty-string value counts as present.

import type { CostSource } from "../cost/types";
import type { Resource } from "../model";
import { applicableRequiredTags } from "../policy/applicable";
import { isExcluded } from "../policy/exclusions";
import { roundCents } from "../report/money";
import { ageInDays } from "./age";
import { type CostLookup, costOf } from "./costs";
import { type NotTaggableEntry, notTaggableResources } from "./not-taggable";
import { resourcesInScope, type ScopeInput } from "./scope";

export interface FindUntaggedInput extends ScopeInput {
  /** Injected so results are reproducible; never read from the system clock here. */
  now: Date;
  /** When present (or when a threshold is set), each item carries its cost and cost source. */
  costs?: CostLookup;
  /** Keeps resources whose monthly cost is >= this; implies costs. */
  minCostThreshold?: number | null;
}

export interface UntaggedResource {
  resource_id: string;
  resource_arn: string;
  resource_type: string;
  region: string;
  account_id: string;
  current_tags: Record<string, string>;
  /** In policy order. */
  missing_required_tags: string[];
  age_days: number | null;
  monthly_cost_estimate?: number;
  cost_source?: CostSource;
}

export interface UntaggedResult {
  resources: UntaggedResource[];
  total_untagged: number;
  /** Exact sum of the listed resources' estimates, then rounded to cents; present when costs are included. */
  total_monthly_cost?: number;
  /** Found resources of types AWS cannot tag: never listed as untagged. */
  not_taggable: NotTaggableEntry[];
}

const missingTags = (resource: Resource, input: FindUntaggedInput): string[] =>
  applicableRequiredTags(input.policy, resource.type)
    .map((tag) => tag.name)
    .filter((name) => !Object.hasOwn(resource.tags, name));

export function findUntaggedResources(input: FindUntaggedInput): UntaggedResult {
  const threshold = input.minCostThreshold ?? null;
  const withCosts = input.costs !== undefined || threshold !== null;
  const listed: UntaggedResource[] = [];
  for (const resource of resourcesInScope(input)) {
    // The policy's exclusions set a resource aside everywhere it is judged, here as in the score.
    if (isExcluded(input.policy, resource)) continue;
    const missing = missingTags(resource, input);
    if (missing.length === 0) continue;
    const item: UntaggedResource = {
      resource_id: resource.id,
      resource_arn: resource.arn,
      resource_type: resource.type,
      region: resource.region,
      account_id: resource.account_id,
      current_tags: { ...resource.tags },
      missing_required_tags: missing,
      age_days: ageInDays(resource.created_at, input.now),
    };
    if (withCosts) {
      const cost = costOf(input.costs, resource.arn);
      if (threshold !== null && cost.amount < threshold) continue;
      item.monthly_cost_estimate = cost.amount;
      item.cost_source = cost.source;
    }
    listed.push(item);
  }
  const result: UntaggedResult = {
    resources: listed,
    total_untagged: listed.length,
    not_taggable: notTaggableResources(input),
  };
  if (withCosts) {
    // Summed exact, then each shown amount rounded to cents once (money.ts).
    const sum = listed.reduce((total, item) => total + (item.monthly_cost_estimate ?? 0), 0);
    result.total_monthly_cost = roundCents(sum);
    for (const item of listed) item.monthly_cost_estimate = roundCents(item.monthly_cost_estimate ?? 0);
  }
  return result;
}
