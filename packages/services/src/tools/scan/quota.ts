// The tier quota and metering of one scanning call.
import type { Resource } from "@tagc/core";
import { checkResourceQuota, recordScanUsage } from "../../runtime";
import { billingPeriod } from "../../usage/quota";
import type { ToolCtx } from "../context";

const METER_TTL_S = 3600;
type Quota = Awaited<ReturnType<typeof checkResourceQuota>>;

const meterKey = (ctx: ToolCtx, scanId: string) => `metered:${billingPeriod(ctx.deps.now())}:${scanId}`;

/**
 * Checks the quota before results are used (over quota, only what it covers is kept) and meters the
 * call: one scan event always, and one resource event per ARN the first time this month a scan's data
 * is metered. Later calls on the same cached scan skip the per-ARN rows: they would conflict and count
 * nothing, at the cost of one row per resource.
 */
export async function meterScan(
  ctx: ToolCtx,
  scan: { scanId: string; resources: Resource[]; tool: string; accounts: string[]; regions: string[] },
) {
  const known = await ctx.cache.getJson<Quota>(meterKey(ctx, scan.scanId));
  const quota =
    known ??
    (await checkResourceQuota({
      db: ctx.deps.db,
      client: ctx.client,
      now: ctx.deps.now(),
      arns: scan.resources.map((r) => r.arn),
    }));
  const allowed = new Set(quota.allowedArns);
  const resources = quota.overQuota ? scan.resources.filter((r) => allowed.has(r.arn)) : scan.resources;
  await recordScanUsage({
    db: ctx.deps.db,
    clientId: ctx.client.id,
    now: ctx.deps.now(),
    tool: scan.tool,
    requestId: ctx.requestId,
    accountId: scan.accounts.join(","),
    regions: scan.regions,
    arns: known ? [] : resources.map((r) => r.arn),
  });
  if (!known && !quota.overQuota)
    await ctx.cache.setJson(meterKey(ctx, scan.scanId), { ...quota, allowedArns: [] }, METER_TTL_S);
  return { quota, resources };
}
