import { getCostAttributionGap } from "@tagc/services";
import { z } from "zod";
import { defineTool } from "../define";
import { accounts, dataQuality, filters, regionsOf, resourceTypes, scalar } from "../schemas";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

export const getCostAttributionGapTool = defineTool({
  name: "get_cost_attribution_gap",
  title: "Cost attribution gap",
  description:
    "How much spend cannot be attributed because of bad tags: total, attributable (spend of compliant resources), unattributable by nature (tax, support, data transfer…), the gap and its percentage, broken down by resource_type, region, account or service. Default period: the last 30 days (Cost Explorer, cached for an hour).",
  input: z.strictObject({
    resource_types: resourceTypes,
    time_period: z
      .strictObject({ Start: DATE, End: DATE })
      .optional()
      .describe("End exclusive, at most 365 days"),
    group_by: scalar(z.enum(["resource_type", "region", "account", "service"])).optional(),
    filters: filters.optional(),
    accounts: accounts.optional(),
  }),
  output: z.looseObject({
    total_spend: z.number(),
    attributable_spend: z.number(),
    attribution_gap: z.number(),
    attribution_gap_percentage: z.number(),
    breakdown: z.record(z.string(), z.looseObject({ total: z.number() })),
    data_quality: dataQuality,
  }),
  readsAws: true,
  run: (ctx, input) =>
    getCostAttributionGap({
      ctx,
      input: { ...input, filters: { ...input.filters, regions: regionsOf(input.filters) } },
    }),
  summarize: (r) =>
    `Attribution gap $${r.attribution_gap} (${r.attribution_gap_percentage}% of taggable spend $${r.taggable_spend}).`,
});
