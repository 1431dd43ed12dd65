import type { ToolCtx } from "../context";
import type { ScanIssue } from "./types";

/**
 * Cold scans spend one unit of the (client, account, region) budget per region, so no tenant's
 * assistant can burn the customer's own AWS API quotas. Refused regions are skipped and reported.
 */
export async function spendRegionBudget(ctx: ToolCtx, accountId: string, regions: string[]) {
  if (!ctx.limiters) return { allowed: regions, skipped: [] as ScanIssue[] };
  const verdicts = await Promise.all(
    regions.map(async (region) => ({
      region,
      ok: (await ctx.limiters!.awsRegion.consume(`aws:${ctx.client.id}:${accountId}:${region}`)).allowed,
    })),
  );
  return {
    allowed: verdicts.filter((v) => v.ok).map((v) => v.region),
    skipped: verdicts
      .filter((v) => !v.ok)
      .map(
        (v): ScanIssue => ({
          scope: "region",
          region: v.region,
          account_id: accountId,
          code: "RATE_LIMITED",
          message:
            "Skipped to protect this account's AWS API quotas (too many scans of this region in the last minute). Retry in a minute.",
        }),
      ),
  };
}
