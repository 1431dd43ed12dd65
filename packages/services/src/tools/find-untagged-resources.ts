// Tool 2: resources missing at least one applicable required tag (values are not checked), with age
// and, on request, a monthly cost estimate. Computed by core's findUntaggedResources and spreadCosts.
import {
  CURRENCY,
  formatUsd,
  notTaggableSentence,
  findUntaggedResources as selectUntagged,
  spreadCosts,
} from "@tagc/core";
import { z } from "zod";
import { defineTool } from "./define";
import { accounts, cursor, limit, regions, resourceTypes, scanId } from "./inputs";
import { currency, dataQuality, money, notTaggable } from "./outputs";
import { morePages, pageOf } from "./page";
import { scanAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";

const COST_NOTE =
  "Monthly costs are estimates from Cost Explorer for the last 30 days: a resource whose Name tag matches Cost Explorer's Name group gets that amount (matched); stopped instances get $0 compute (stopped); the rest of a service's spend is shared equally among its running resources (estimated).";

export const findUntaggedResources = defineTool({
  name: "find_untagged_resources",
  title: "Find untagged resources",
  description:
    "Lists resources missing at least one required tag (values are not checked here), with age in days and, when include_costs or min_cost_threshold is set, a monthly cost estimate and its source (matched / estimated / stopped). Use get_tagging_policy first for the resource types.",
  input: z.strictObject({
    resource_types: resourceTypes,
    regions: regions.optional(),
    accounts: accounts.optional(),
    include_costs: z.boolean().optional(),
    min_cost_threshold: z
      .number()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe("Keep resources costing at least this much per month (USD); implies include_costs"),
    cursor: cursor.optional(),
    limit: limit.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    resources: z.array(z.object({ resource_arn: z.string(), monthly_cost_estimate: money.optional() })),
    total_untagged: z.number(),
    remaining: z.number().describe("Resources after this page"),
    next_cursor: z.string().nullable(),
    total_monthly_cost: money.nullable().describe("All untagged resources' estimates, not only this page's"),
    currency: currency.nullable(),
    not_taggable: notTaggable,
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const resourceTypes = resolveResourceTypes(input.resource_types);
    // A cost threshold implies costs.
    const withCosts = input.include_costs === true || input.min_cost_threshold !== undefined;
    const { plan, scan, spend } = await scanAccounts(ctx, {
      tool: "find_untagged_resources",
      resourceTypes,
      regions: input.regions,
      // A top-level argument here, not a filter as in check_tag_compliance.
      regionsField: "regions",
      accounts: input.accounts,
      costs: withCosts ? {} : undefined,
    });
    const costs = spend ? spreadCosts({ resources: scan.resources, costData: spend.costData }) : undefined;
    const result = selectUntagged({
      policy: plan.policy,
      resources: scan.resources,
      resourceTypes,
      now: ctx.deps.now(),
      ...(costs ? { costs } : {}),
      ...(input.min_cost_threshold !== undefined ? { minCostThreshold: input.min_cost_threshold } : {}),
    });
    const page = pageOf(result.resources, input.cursor, input.limit);
    return {
      resources: page.items,
      total_untagged: result.total_untagged,
      remaining: page.remaining,
      next_cursor: page.next_cursor,
      not_taggable: result.not_taggable,
      total_monthly_cost: result.total_monthly_cost ?? null,
      cost_note: withCosts ? COST_NOTE : null,
      currency: withCosts ? CURRENCY : null,
      scan_timestamp: scan.scanned_at,
      data_quality: scan.data_quality,
    };
  },
  summarize: (r) => {
    const sentences = [
      r.total_monthly_cost === null
        ? null
        : `Their estimated monthly spend: ${formatUsd(r.total_monthly_cost)}.`,
      morePages(r.resources.length, r.remaining, "resources"),
      notTaggableSentence(r.not_taggable),
    ];
    return [
      `${r.total_untagged} resources miss at least one required tag.`,
      ...sentences.filter(Boolean),
    ].join(" ");
  },
});
