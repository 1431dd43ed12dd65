// Tool 12: current values of the monitored tag keys against the client's stored baseline. Computed by
// core's baselineFromResources and compareDrift; each run stores today's values as the next baseline.
import { baselineFromResources, compareDrift, policyTagKeys } from "@tagc/core";
import { tagBaselines } from "@tagc/db";
import { and, desc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { invalid } from "../errors";
import { scoped } from "../scoped";
import { insertBaselines } from "../snapshots/baselines";
import { defineTool } from "./define";
import { accounts, resourceTypes, scanId } from "./inputs";
import { dataQuality } from "./outputs";
import { planScan, scanPlanned } from "./scan/pipeline";
import { resolveResourceTypes } from "./scan/scope";

export const detectTagDrift = defineTool({
  name: "detect_tag_drift",
  title: "Detect tag drift",
  description:
    "Compares the current values of the monitored tag keys (default: the required tags) with the stored baseline at or before lookback_days ago: added, removed and changed values. A removed required tag is critical. The first run establishes the baseline and says so.",
  input: z.strictObject({
    resource_types: resourceTypes,
    tag_keys: z.array(z.string().min(1).max(128)).max(50).optional(),
    lookback_days: z.number().int().min(1).max(90).optional(),
    accounts: accounts.optional(),
    scan_id: scanId.optional(),
  }),
  output: z.object({
    baseline_established: z.boolean(),
    message: z.string().nullable(),
    changes: z.array(
      z.object({
        resource_arn: z.string(),
        tag_key: z.string(),
        change_type: z.enum(["added", "removed", "changed"]),
        old_value: z.string().nullable(),
        new_value: z.string().nullable(),
        severity: z.enum(["critical", "warning", "info"]),
      }),
    ),
    data_quality: dataQuality,
  }),
  // Recording today's baseline is the tool's own bookkeeping, not a change of the client's settings.
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const resourceTypes = resolveResourceTypes(input.resource_types);
    const plan = await planScan(ctx, { tool: "detect_tag_drift", resourceTypes, accounts: input.accounts });
    const known = policyTagKeys(plan.policy);
    const keys = input.tag_keys?.length ? input.tag_keys : plan.policy.required_tags.map((t) => t.name);
    const unknown = keys.filter((k) => !known.includes(k));
    if (unknown.length) {
      throw invalid(
        "tag_keys",
        `${unknown.join(", ")} is not a tag of the policy; monitored keys must be among: ${known.join(", ")}`,
      );
    }
    const { scan } = await scanPlanned(ctx, plan);
    const current = baselineFromResources(scan.resources, keys);
    const cutoff = new Date(ctx.deps.now().getTime() - (input.lookback_days ?? 7) * 86_400_000);
    // The latest baseline row per ARN at or before the cutoff, in one query.
    const latest = await scoped(ctx, ({ deps }) =>
      deps.db
        .selectDistinctOn([tagBaselines.resourceArn], {
          arn: tagBaselines.resourceArn,
          tags: tagBaselines.tags,
        })
        .from(tagBaselines)
        .where(and(eq(tagBaselines.clientId, ctx.client.id), lte(tagBaselines.capturedAt, cutoff)))
        .orderBy(tagBaselines.resourceArn, desc(tagBaselines.capturedAt)),
    );
    const scanned = new Set(scan.resources.map((r) => r.arn));
    const baseline: Record<string, Record<string, string>> = {};
    for (const { arn, tags } of latest) if (scanned.has(arn)) baseline[arn] = tags;
    // Each run records today's values (monitored keys only), so later runs have a baseline to compare with.
    const recorded = await scoped(ctx, ({ deps }) =>
      insertBaselines(deps.db, {
        clientId: ctx.client.id,
        resources: scan.resources,
        values: current,
        at: ctx.deps.now(),
      }),
    );
    if (Object.keys(baseline).length === 0) {
      return {
        baseline_established: true,
        message: `No baseline existed at or before ${cutoff.toISOString().slice(0, 10)}; today's values of ${keys.join(", ")} were stored as the baseline for ${recorded} resources. Run again later to see drift.`,
        changes: [],
        summary: { added: 0, removed: 0, changed: 0 },
        data_quality: scan.data_quality,
      };
    }
    const drift = compareDrift({ baseline, current, policy: plan.policy, tagKeys: keys });
    return { baseline_established: false, message: null, ...drift, data_quality: scan.data_quality };
  },
  summarize: (r) => r.message ?? `${r.changes.length} tag changes since the baseline.`,
});
