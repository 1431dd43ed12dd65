// The per-(client, AWS account, region) call budget: every cold scan spends one unit per region it
// reads, so no assistant can burn the customer's own AWS API quotas (ONBOARDING.md, "Metering and
// quotas"). A region over budget is skipped and named in data_quality; the rest of the scan goes on.
import type { RateLimiter } from "../../guardrails/rate-limiter";
import type { ScanIssue } from "./types";

export async function spendRegionBudget(
  limiter: RateLimiter,
  { clientId, accountId }: { clientId: string; accountId: string },
  regions: readonly string[],
) {
  // A region listed twice is one region: spent once.
  const verdicts = await Promise.all(
    [...new Set(regions)].map(async (region) => ({
      region,
      verdict: await limiter.consume(`aws:${clientId}:${accountId}:${region}`),
    })),
  );
  const minutes = Math.max(1, Math.round(limiter.windowMs / 60_000));
  return {
    allowed: verdicts.filter((v) => v.verdict.allowed).map((v) => v.region),
    skipped: verdicts
      .filter((v) => !v.verdict.allowed)
      .map(
        ({ region, verdict }): ScanIssue => ({
          scope: "region",
          region,
          account_id: accountId,
          code: "RATE_LIMITED",
          message: `Skipped to protect this account's AWS API quotas: the budget of ${verdict.limit} scans of region ${region} per ${minutes === 1 ? "minute" : `${minutes} minutes`} is spent. Retry in ${Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))} seconds, or use the cached result without force_refresh.`,
        }),
      ),
  };
}
