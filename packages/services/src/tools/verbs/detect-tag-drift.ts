import { baselineFromResources, compareDrift, policyTagKeys } from "@tagc/core";
import { tagBaselines } from "@tagc/db";
import { and, desc, eq, lte } from "drizzle-orm";
import { currentPolicy } from "../../policy/current";
import type { ToolCtx } from "../context";
import { invalidInput } from "../errors";
import { runScan } from "../scan/run";
import { resolveResourceTypes } from "../scan/scope";

export interface DriftInput {
  resource_types: string[];
  tag_keys?: string[] | undefined;
  lookback_days?: number | undefined;
  accounts?: string[] | undefined;
}

/** Compares current tag values with the client's baseline at or before the lookback date. */
export async function detectTagDrift({ ctx, input }: { ctx: ToolCtx; input: DriftInput }) {
  const resourceTypes = resolveResourceTypes(input.resource_types);
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  const known = policyTagKeys(policy);
  const keys = input.tag_keys?.length ? input.tag_keys : policy.required_tags.map((t) => t.name);
  const unknown = keys.filter((k) => !known.includes(k));
  if (unknown.length)
    throw invalidInput(
      "tag_keys",
      `${unknown.join(", ")} is not a tag of the policy; monitored keys must be among: ${known.join(", ")}`,
    );
  const scan = await runScan(ctx, {
    tool: "detect_tag_drift",
    resourceTypes,
    accounts: input.accounts,
    policyVersion: row.version,
  });
  const current = baselineFromResources(scan.resources, keys);
  const cutoff = new Date(ctx.deps.now().getTime() - (input.lookback_days ?? 7) * 86_400_000);
  // The latest baseline row per ARN at or before the cutoff, in one query.
  const latest = await ctx.deps.db
    .selectDistinctOn([tagBaselines.resourceArn], { arn: tagBaselines.resourceArn, tags: tagBaselines.tags })
    .from(tagBaselines)
    .where(and(eq(tagBaselines.clientId, ctx.client.id), lte(tagBaselines.capturedAt, cutoff)))
    .orderBy(tagBaselines.resourceArn, desc(tagBaselines.capturedAt));
  const scanned = new Set(scan.resources.map((r) => r.arn));
  const baseline: Record<string, Record<string, string>> = {};
  for (const { arn, tags } of latest) if (scanned.has(arn)) baseline[arn] = tags;
  const firstRun = Object.keys(baseline).length === 0;
  // Each run records today's values (policy keys only), so later runs have a baseline to compare with.
  const rows = scan.resources.map((r) => ({
    clientId: ctx.client.id,
    accountId: r.account_id,
    resourceArn: r.arn,
    tags: current[r.arn] ?? {},
    capturedAt: ctx.deps.now(),
  }));
  for (let i = 0; i < rows.length; i += 500)
    await ctx.deps.db.insert(tagBaselines).values(rows.slice(i, i + 500));
  if (firstRun) {
    return {
      baseline_established: true,
      message: `No baseline existed at or before ${cutoff.toISOString().slice(0, 10)}; today's values of ${keys.join(", ")} were stored as the baseline for ${rows.length} resources. Run again later to see drift.`,
      changes: [],
      summary: { added: 0, removed: 0, changed: 0 },
      data_quality: scan.data_quality,
    };
  }
  const drift = compareDrift({ baseline, current, policy, tagKeys: keys });
  return { baseline_established: false, message: null, ...drift, data_quality: scan.data_quality };
}
