// The tier quota and metering of one scanning call, over the discovered accounts: one scan event
// always, and one resource event per ARN the first time this month a scan's data is metered. Over
// quota, only the resources the quota covers are kept and the answer says so (never a silent cut).
import { checkResourceQuota } from "../../metering/check-quota";
import { recordScanUsage } from "../../metering/record";
import { scoped } from "../../scoped";
import { billingPeriod } from "../../usage/quota";
import type { ToolCtx } from "../context";
import type { AccountScan } from "./discover";
import type { ScanPlan } from "./plan";
import { mergeQuality } from "./quality";
import { hash, type ScanOutcome } from "./types";

const METER_TTL_S = 3600;
type Quota = Awaited<ReturnType<typeof checkResourceQuota>>;

export async function meter(ctx: ToolCtx, plan: ScanPlan, scans: AccountScan[]): Promise<ScanOutcome> {
  const accounts = scans.map((s) => s.accountId);
  const regions = [...new Set(scans.flatMap((s) => s.regions))].sort();
  const scanId = hash(scans.map((s) => s.result.scan_id));
  // One account (the usual case) hands its array over as is: no copy of thousands of resources.
  const [only, ...others] = scans;
  const discovered =
    only && !others.length ? only.result.resources : scans.flatMap((s) => s.result.resources);

  // Later calls on the same cached scan skip the per-ARN rows: they would conflict and count nothing,
  // at the cost of one row per resource.
  const marker = `metered:${billingPeriod(ctx.deps.now())}:${scanId}`;
  const known = await ctx.cache.getJson<Quota>(marker);
  const quota =
    known ??
    (await scoped(ctx, ({ deps }) =>
      checkResourceQuota({
        db: deps.db,
        client: ctx.client,
        now: ctx.deps.now(),
        arns: discovered.map((r) => r.arn),
      }),
    ));
  const allowed = quota.overQuota ? new Set(quota.allowedArns) : undefined;
  const resources = allowed ? discovered.filter((r) => allowed.has(r.arn)) : discovered;
  const usage = {
    clientId: ctx.client.id,
    now: ctx.deps.now(),
    tool: plan.request.tool,
    requestId: ctx.requestId,
    accountId: accounts.join(","),
    regions,
    arns: known ? [] : resources.map((r) => r.arn),
  };
  // The quota was read above, so the scan is allowed: if only the write fails (the database went
  // away meanwhile), the queue writes it on its return rather than failing a finished scan.
  // A warm call on a metered scan has only its scan event to record: batched, off the call's path.
  if (known && ctx.deps.usage) ctx.deps.usage.add({ ...usage, arns: [] });
  else if (ctx.deps.writes) await ctx.deps.writes.write({ kind: "usage", input: usage });
  else await scoped(ctx, ({ deps }) => recordScanUsage({ ...usage, db: deps.db }));
  if (!known && !quota.overQuota) await ctx.cache.setJson(marker, { ...quota, allowedArns: [] }, METER_TTL_S);

  const quality = mergeQuality(scans.map((s) => s.result.data_quality));
  if (quota.overQuota) {
    quality.status = "partial";
    quality.note = `${quota.message ?? "Monthly resource quota reached."} ${quality.note ?? ""}`.trim();
  }
  return {
    // Over quota the resources differ from the scan's, so analyses must not be shared with it.
    scan_id: quota.overQuota ? null : scanId,
    resources,
    accounts,
    regions,
    scanned_at: scans.map((s) => s.result.scanned_at).sort()[0] ?? ctx.deps.now().toISOString(),
    from_cache: scans.every((s) => s.fromCache),
    data_quality: quality,
    quota: {
      limit: quota.limit,
      used: quota.used,
      remaining: quota.remaining,
      over_quota: quota.overQuota,
      message: quota.message ?? null,
    },
  };
}
