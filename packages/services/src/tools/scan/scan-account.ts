// One account's discovery, served from the process memo, then the shared cache, then AWS.
import { discoverResources, listEnabledRegions } from "@tagc/aws";
import type { ToolCtx } from "../context";
import { spendRegionBudget } from "./budget";
import { credentialsFor, dropCredentials } from "./credentials";
import { memoGet, memoKey, memoSet } from "./memo";
import { resolveRegions } from "./scope";
import type { ScanTarget } from "./targets";
import { hash, SCAN_TTL_S, type ScanIssue, type ScanRequest, type StampedScan } from "./types";

const REGIONS_TTL_S = 3600;

type Scanned = { regions: string[]; result: StampedScan; fromCache: boolean };

/**
 * Cold scans in flight, by tenant-scoped key: concurrent calls for the same scope share one
 * discovery instead of each starting its own (a burst of calls would otherwise multiply the AWS
 * calls, exhaust the customer's API quotas and push every scan past its deadline).
 */
const inFlight = new Map<string, Promise<Scanned>>();

export async function scanAccount(ctx: ToolCtx, target: ScanTarget, request: ScanRequest): Promise<Scanned> {
  let credentials = await credentialsFor(ctx, target);
  const enabled = await ctx.cache.getOrCompute(`regions:${target.accountId}`, REGIONS_TTL_S, () =>
    listEnabledRegions({ config: ctx.deps.aws, credentials }),
  );
  const regions = resolveRegions(request.regions, enabled);
  const key = `scan:${target.accountId}:p${request.policyVersion}:${hash([request.resourceTypes, regions])}`;
  const local = memoKey(ctx.client.id, key);
  const now = ctx.deps.now().getTime();
  // Freshness is judged on the services clock, which jobs and tests move; the stores' TTLs only bound memory.
  const fresh = (scan: StampedScan | undefined): scan is StampedScan => {
    const age = scan ? now - Date.parse(scan.scanned_at) : Number.POSITIVE_INFINITY;
    return age >= 0 && age < SCAN_TTL_S * 1000;
  };
  if (!request.forceRefresh) {
    const memo = memoGet<StampedScan>(local, now);
    if (fresh(memo)) return { regions, result: memo, fromCache: true };
    const cached = await ctx.cache.getJson<StampedScan>(key);
    if (fresh(cached)) {
      memoSet(local, cached, Date.parse(cached.scanned_at) + SCAN_TTL_S * 1000);
      return { regions, result: cached, fromCache: true };
    }
  }

  const running = inFlight.get(local);
  if (running) return running;
  const flight = discoverFresh().finally(() => inFlight.delete(local));
  inFlight.set(local, flight);
  return flight;

  async function discoverFresh(): Promise<Scanned> {
    const budget = await spendRegionBudget(ctx, target.accountId, regions);
    const discover = () =>
      discoverResources({
        config: ctx.deps.aws,
        credentials,
        accountId: target.accountId,
        resourceTypes: request.resourceTypes,
        regions: budget.allowed,
        deadlineMs: ctx.deadlineMs,
        now: ctx.deps.now,
      });
    let result = await discover();
    // Every call denied and nothing found: the session may belong to a role the customer deleted.
    // Re-assuming tells a revoked role (AssumeRole refused → revoked) from a narrowed one (partial).
    const issues = result.data_quality.issues;
    if (!result.resources.length && issues.length && issues.every((i) => i.code === "ACCESS_DENIED")) {
      dropCredentials(ctx, target);
      credentials = await credentialsFor(ctx, target);
      result = await discover();
    }
    if (budget.skipped.length) {
      result.data_quality.status = "partial";
      (result.data_quality.issues as ScanIssue[]).push(...budget.skipped);
    }
    const scannedAt = ctx.deps.now().toISOString();
    const stamped: StampedScan = {
      ...result,
      scanned_at: scannedAt,
      // Identifies exactly this data, so analyses of it are memoised and its metering marked once.
      scan_id: hash([key, scannedAt, result.resources.length]),
    };
    // Partial scans are not cached: the next call should try the failed parts again.
    if (result.data_quality.status === "complete") {
      await ctx.cache.setJson(key, stamped, SCAN_TTL_S);
      memoSet(local, stamped, Date.parse(scannedAt) + SCAN_TTL_S * 1000);
    }
    return { regions, result: stamped, fromCache: false };
  }
}
