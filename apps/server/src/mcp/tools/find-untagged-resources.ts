import { findUntaggedResources } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, cursor, dataQuality, regions, resourceTypes } from "../schemas";

export const findUntaggedResourcesTool = defineTool({
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
  }),
  output: z.looseObject({
    resources: z.array(z.looseObject({ resource_arn: z.string() })),
    total_untagged: z.number(),
    data_quality: dataQuality,
  }),
  readsAws: true,
  run: (ctx, input) => findUntaggedResources({ ctx, input }),
  summarize: (r) => `${r.total_untagged} resources miss at least one required tag.`,
});
