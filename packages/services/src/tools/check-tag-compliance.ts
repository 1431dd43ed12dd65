// Tool 1: the compliance score of the client's accounts against its policy, with the violations (one
// page), the attribution gap and per-region and per-account breakdowns. Computed by core's
// evaluateCompliance and attributionGap through the shared scan pipeline (scan/pipeline.ts).

import { CURRENCY, notTaggableSentence, roundCents } from "@tagc/core";
import { z } from "zod";
import { scoped } from "../scoped";
import { insertSnapshot } from "../snapshots/insert";
import { defineTool } from "./define";
import { accounts, cursor, filters, limit, regionsOf, resourceTypes, scanId, severity } from "./inputs";
import { currency, dataQuality, money, notTaggable } from "./outputs";
import { morePages, pageOf } from "./page";
import { analyseAccounts } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";
import { gapNoteOf, scoreReason } from "./scan/score-reason";
import { unreadAnalysis } from "./scan/unread";

export const checkTagCompliance = defineTool({
  name: "check_tag_compliance",
  title: "Check tag compliance",
  description:
    "Scores the client's AWS tagging against its policy: compliance_score (0–1; null with score_reason when nothing could be read or is in scope — never call that 100%), violations (25 a page; limit up to 100, next_cursor), the cost attribution gap, per-region and per-account breakdowns, cost_weighted_compliance (the compliant share of spend) and excluded. Advisory violations (value aliases under alias_treatment 'warning') do not lower the score. Call get_tagging_policy first for the resource types. If data_quality.status is partial, name what is missing; never present partial numbers as account-wide. Cached a few minutes; force_refresh bypasses the cache.",
  input: z.strictObject({
    resource_types: resourceTypes,
    filters: filters.optional(),
    accounts: accounts.optional(),
    severity: severity.optional().describe("Which violations to list; never changes the score"),
    store_snapshot: z
      .boolean()
      .optional()
      .describe("Store the aggregate in the history (get_violation_history)"),
    force_refresh: z.boolean().optional(),
    cursor: cursor.optional(),
    limit: limit.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    compliance_score: z
      .number()
      .nullable()
      .describe("0–1; null when no resource was read or in scope (score_reason says why), never 1"),
    score_reason: z.string().nullable(),
    total_resources: z.number(),
    compliant_resources: z.number(),
    excluded: z.number().describe("Resources the policy's exclusions set aside; not in total_resources"),
    cost_weighted_compliance: z
      .number()
      .nullable()
      .describe(
        "Compliant spend / in-scope spend (0–1); null when no spend was read (cost_weighted_reason says why)",
      ),
    cost_weighted_reason: z.string().nullable(),
    violations: z.array(
      z.object({ resource_arn: z.string(), tag_name: z.string(), cost_impact_monthly: money }),
    ),
    violations_total: z.number(),
    violations_remaining: z.number().describe("Violations after this page"),
    next_cursor: z.string().nullable(),
    cost_attribution_gap: z.object({ gap: money, gap_percentage: z.number(), currency }).nullable(),
    currency,
    not_taggable: notTaggable,
    stored_in_history: z.boolean(),
    scan_timestamp: z.string(),
    data_quality: dataQuality,
  }),
  // Storing a snapshot only adds to the client's own history; it changes no setting.
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const resourceTypes = resolveResourceTypes(input.resource_types);
    const { evaluation, gap, scan } = await analyseAccounts(ctx, {
      tool: "check_tag_compliance",
      resourceTypes,
      allTypes: input.resource_types.includes("all"),
      regions: regionsOf(input.filters),
      accounts: input.filters?.account_id ? [input.filters.account_id] : input.accounts,
      accountsField: input.filters?.account_id ? "filters.account_id" : "accounts",
      severity: input.severity ?? "all",
      forceRefresh: input.force_refresh,
      costs: {},
    }).catch((error: unknown) => {
      // The role was refused in this call: answer "nothing could be read" with the reason, no score.
      const unread = unreadAnalysis(ctx, error);
      if (!unread) throw error;
      return unread;
    });
    const violations = pageOf(evaluation.violations, input.cursor, input.limit);
    if (input.store_snapshot) {
      await scoped(ctx, ({ deps }) =>
        insertSnapshot(deps.db, {
          clientId: ctx.client.id,
          analysis: { evaluation, gap, scan },
          resourceTypes,
          kind: "ad_hoc",
          at: ctx.deps.now(),
        }),
      );
    }
    return {
      compliance_score: evaluation.compliance_score,
      score_reason: scoreReason(evaluation, scan),
      total_resources: evaluation.total_resources,
      compliant_resources: evaluation.compliant_resources,
      non_compliant_resources: evaluation.non_compliant_resources,
      excluded: evaluation.excluded,
      cost_weighted_compliance: evaluation.cost_weighted_compliance,
      cost_weighted_reason: evaluation.cost_weighted_reason,
      violation_counts: evaluation.violation_counts,
      // Exact in the evaluation (a tag's spend sums from them); cents here, where they are shown.
      violations: violations.items.map((v) => ({
        ...v,
        cost_impact_monthly: roundCents(v.cost_impact_monthly),
      })),
      violations_total: violations.total,
      violations_remaining: violations.remaining,
      next_cursor: violations.next_cursor,
      cost_attribution_gap: gap
        ? {
            total_spend: roundCents(gap.total),
            attributable_spend: roundCents(gap.attributable),
            unattributable_by_nature: roundCents(gap.unattributable_by_nature),
            gap: roundCents(gap.gap),
            gap_percentage: gap.gap_percentage,
            period: gap.period,
            currency: CURRENCY,
            note: gapNoteOf(gap, scan.resources.length, scan.data_quality.issues),
          }
        : null,
      currency: CURRENCY,
      by_region: evaluation.by_region,
      by_account: evaluation.by_account,
      not_taggable: evaluation.not_taggable,
      accounts: scan.accounts,
      regions: scan.regions,
      scan_timestamp: scan.scanned_at,
      stored_in_history: input.store_snapshot === true,
      data_quality: scan.data_quality,
      quota: scan.quota,
    };
  },
  summarize: (r) =>
    (r.compliance_score === null
      ? `No compliance score: ${r.score_reason ?? "nothing was read."} (data quality: ${r.data_quality.status}).`
      : `Compliance score ${(r.compliance_score * 100).toFixed(1)}%: ${r.compliant_resources} of ${r.total_resources} resources compliant, ${r.violations_total} violations (data quality: ${r.data_quality.status}).`) +
    withSentence(
      r.violations_remaining
        ? `${morePages(r.violations.length, r.violations_remaining, "violations")} export_violations_csv gives them all as a file.`
        : null,
    ) +
    withSentence(notTaggableSentence(r.not_taggable)),
});

const withSentence = (sentence: string | null): string => (sentence ? ` ${sentence}` : "");
