// Tool 4: how much spend cannot be attributed because of bad tags, broken down by type, region,
// account or service. Computed by core's spreadCosts and attributionGap (scan/analyse.ts), with
// core's costAllocationStatus saying which required keys Cost Explorer cannot split by.
import {
  applicableRequiredTags,
  CURRENCY,
  costAllocationStatus,
  formatUsd,
  roundCents,
  roundEach,
  type TaggingPolicy,
} from "@tagc/core";
import { z } from "zod";
import { ServiceError } from "../errors";
import { defineTool } from "./define";
import { accounts, filters, regionsOf, resourceTypes, scalar, scanId } from "./inputs";
import { currency, dataQuality, money } from "./outputs";
import { analyseAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";
import { gapNoteOf } from "./scan/score-reason";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

export const getCostAttributionGap = defineTool({
  name: "get_cost_attribution_gap",
  title: "Cost attribution gap",
  description:
    "Spend that bad tags leave unattributed: total, attributable (compliant resources), unattributable by nature (tax, support, data transfer, types AWS cannot tag), the gap and its percentage, by resource_type, region, account or service. 'EC2 - Other' is split by usage type (EBS volumes, snapshots, NAT gateways, public IPv4). cost_allocation names required keys not activated for cost allocation, whose attribution the bill cannot confirm. Default: the last 30 days (cached for an hour).",
  input: z.strictObject({
    resource_types: resourceTypes,
    time_period: z
      .strictObject({ Start: DATE, End: DATE })
      .optional()
      .describe("End exclusive, at most 365 days"),
    group_by: scalar(z.enum(["resource_type", "region", "account", "service"])).optional(),
    filters: filters.optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    total_spend: money,
    attributable_spend: money,
    taggable_spend: money,
    attribution_gap: money,
    attribution_gap_percentage: z.number(),
    unattributable_services: z.record(z.string(), money),
    breakdown: z.record(z.string(), z.object({ total: money, note: z.string().nullable() })),
    cost_sources: z.record(z.string(), z.object({ resources: z.number(), amount: money })),
    note: z
      .string()
      .nullable()
      .describe("Why the gap is small or zero: no resources, $0 reported, or all properly tagged"),
    cost_allocation: z.object({
      inactive_required_keys: z.array(z.object({ key: z.string(), account_ids: z.array(z.string()) })),
      unread_account_ids: z.array(z.string()),
      attributable_verifiable: z.boolean(),
      note: z.string().nullable(),
    }),
    currency,
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const resourceTypes = resolveResourceTypes(input.resource_types);
    const { gap, scan, policy, allocation } = await analyseAccounts(ctx, {
      tool: "get_cost_attribution_gap",
      resourceTypes,
      allTypes: input.resource_types.includes("all"),
      regions: regionsOf(input.filters),
      accounts: input.filters?.account_id ? [input.filters.account_id] : input.accounts,
      accountsField: input.filters?.account_id ? "filters.account_id" : "accounts",
      costs: { period: input.time_period, groupBy: input.group_by ?? "resource_type" },
    });
    // Costs were requested, so the analysis always has a gap.
    if (!gap) throw new ServiceError("INTERNAL", "the attribution gap was not computed");
    return {
      // Each amount is the exact sum rounded once: a breakdown's rows may differ from the total
      // beside them by under half a cent each (core money.ts).
      total_spend: roundCents(gap.total),
      attributable_spend: roundCents(gap.attributable),
      unattributable_by_nature: roundCents(gap.unattributable_by_nature),
      unattributable_services: roundEach(gap.unattributable_services),
      taggable_spend: roundCents(gap.taggable_total),
      attribution_gap: roundCents(gap.gap),
      attribution_gap_percentage: gap.gap_percentage,
      group_by: gap.group_by,
      breakdown: Object.fromEntries(
        Object.entries(gap.breakdown).map(([key, group]) => [
          key,
          {
            ...group,
            total: roundCents(group.total),
            attributable: roundCents(group.attributable),
            gap: roundCents(group.gap),
          },
        ]),
      ),
      cost_sources: Object.fromEntries(
        Object.entries(gap.cost_sources).map(([source, tally]) => [
          source,
          { ...tally, amount: roundCents(tally.amount) },
        ]),
      ),
      note: gapNoteOf(gap, scan.resources.length, scan.data_quality.issues),
      // Cost Explorer splits spend only by keys activated for cost allocation: where a required key
      // is not, "attributable" is an estimate the bill cannot confirm, and the answer says so.
      cost_allocation: costAllocationStatus({
        requiredKeys: requiredKeysOf(policy, resourceTypes, input.resource_types.includes("all")),
        activeKeysByAccount: allocation ?? {},
      }),
      period: gap.period,
      currency: CURRENCY,
      data_quality: scan.data_quality,
    };
  },
  summarize: (r) =>
    `Attribution gap ${formatUsd(r.attribution_gap)} (${r.attribution_gap_percentage}% of taggable spend ${formatUsd(r.taggable_spend)}).` +
    (r.note ? ` ${r.note}` : "") +
    (r.cost_allocation.inactive_required_keys.length
      ? ` Not activated for cost allocation: ${r.cost_allocation.inactive_required_keys.map((k) => k.key).join(", ")}.`
      : ""),
});

/** The required keys that apply to at least one requested type. */
function requiredKeysOf(policy: TaggingPolicy, types: readonly string[], all: boolean): string[] {
  if (all) return policy.required_tags.map((tag) => tag.name);
  return [...new Set(types.flatMap((type) => applicableRequiredTags(policy, type).map((tag) => tag.name)))];
}
