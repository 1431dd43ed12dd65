// Discovery of every planned account, each served from this process's memo, then the shared cache,
// then AWS (one cold discovery per scope at a time, spending the per-region AWS budget).
import { setImmediate } from "node:timers/promises";
import { type DiscoveryProgress, discoverResources } from "@tagc/aws";
import type { ToolCtx } from "../context";
import { spendRegionBudget } from "./budget";
import type { PlannedTarget, ScanPlan } from "./plan";
import { accountRegions } from "./regions";
import { resolveRegions } from "./scope";
import { hash, SCAN_TTL_S, type StampedScan } from "./types";

export interface AccountScan {
  accountId: string;
  regions: string[];
  result: StampedScan;
  fromCache: boolean;
}

export function discover(ctx: ToolCtx, plan: ScanPlan): Promise<AccountScan[]> {
  const report = progressReporter(ctx, plan.targets.length);
  return Promise.all(plan.targets.map((target) => discoverAccount(ctx, plan, target, report)));
}

interface Reporter {
  discovery(accountId: string, progress: DiscoveryProgress): void;
  /** The account's discovery waits for a cold-scan slot (fair queue); `waiting` scans are queued. */
  queued(waiting: number): void;
}

/** One progress line for the whole scan, summed over its accounts; the counter only grows. */
function progressReporter(ctx: ToolCtx, accounts: number): Reporter | undefined {
  const sink = ctx.progress;
  if (!sink) return undefined;
  const latest = new Map<string, DiscoveryProgress>();
  let updates = 0;
  return {
    discovery(accountId, progress) {
      latest.set(accountId, progress);
      const sum = (field: keyof DiscoveryProgress) => [...latest.values()].reduce((n, p) => n + p[field], 0);
      updates += 1;
      const where = accounts > 1 ? ` in ${latest.size} of ${accounts} accounts` : "";
      sink({
        progress: updates,
        message: `${sum("tasksDone")} of ${sum("tasksTotal")} region tasks done, ${sum("pages")} pages, ${sum("records")} resource records read${where}`,
        status: "running",
      });
    },
    queued(waiting) {
      updates += 1;
      sink({
        progress: updates,
        message: `queued for a scan slot (${waiting} other scans waiting; this server runs a limited number at once, shared fairly between customers)`,
        status: "queued",
      });
    },
  };
}

async function discoverAccount(
  ctx: ToolCtx,
  plan: ScanPlan,
  target: PlannedTarget,
  report: Reporter | undefined,
): Promise<AccountScan> {
  const { request } = plan;
  // A failed DescribeRegions falls back to a known list and makes the answer partial, never an error.
  const { enabled, fallback } = await accountRegions(ctx, target, request.regions);
  const regions = resolveRegions(request.regions, enabled, request.regionsField);
  const key = `scan:${target.accountId}:p${plan.policyVersion}:${hash([request.resourceTypes, regions])}`;
  const clientId = ctx.client.id;
  const now = ctx.deps.now().getTime();
  // Freshness is judged on the services clock, which jobs and tests move; the stores' TTLs only bound memory.
  const fresh = (scan: StampedScan | undefined): scan is StampedScan => {
    const age = scan ? now - Date.parse(scan.scanned_at) : Number.POSITIVE_INFINITY;
    return age >= 0 && age < SCAN_TTL_S * 1000;
  };
  const expiry = (scan: StampedScan) => Date.parse(scan.scanned_at) + SCAN_TTL_S * 1000;
  const served = (result: StampedScan): AccountScan => ({
    accountId: target.accountId,
    regions,
    result,
    fromCache: true,
  });

  if (!request.forceRefresh) {
    const memo = ctx.scans.scans.get(clientId, key, now);
    if (fresh(memo)) return served(memo);
    const cached = await ctx.cache.getShared<StampedScan>(key);
    if (fresh(cached)) {
      ctx.scans.scans.set(clientId, key, cached, expiry(cached));
      return served(cached);
    }
  }

  // A slot of the shared cold-scan capacity, held for the discovery only (not the analysis); one per
  // flight, so identical calls joining it take none.
  // Meanwhile this call is not foreground: its own scan does not pace the cold scans (scan/pacer.ts).
  return ctx.scans.pacer.background(ctx.requestId, () =>
    ctx.scans.flights.run(clientId, key, () =>
      ctx.scans.queue.run(clientId, report?.queued, async () => {
        const budget = await spendRegionBudget(
          ctx.limiters.awsRegion,
          { clientId, accountId: target.accountId },
          regions,
        );
        for (const _ of budget.skipped) ctx.observer?.guardrail("aws_region_budget");
        const run = (credentials: PlannedTarget["credentials"]) =>
          discoverResources({
            config: ctx.deps.aws,
            credentials,
            accountId: target.accountId,
            resourceTypes: request.resourceTypes,
            regions: budget.allowed,
            deadlineMs: ctx.deadlineMs,
            gate: ctx.scans.pacer,
            now: ctx.deps.now,
            ...(report
              ? { onProgress: (progress: DiscoveryProgress) => report.discovery(target.accountId, progress) }
              : {}),
          });
        let result = await run(target.credentials);
        // A fresh scan's merge, stamping and serialisation would otherwise run in one go with the
        // parsing of its last page: the loop serves other calls between the steps (scan/pacer.ts).
        await setImmediate();
        // Every call denied and nothing found: the session may belong to a role the customer deleted.
        const issues = result.data_quality.issues;
        if (!result.resources.length && issues.length && issues.every((i) => i.code === "ACCESS_DENIED")) {
          result = await run(await target.reassume());
        }
        const quality = result.data_quality;
        const added = [...(fallback ? [fallback] : []), ...budget.skipped];
        const scannedAt = ctx.deps.now().toISOString();
        const stamped: StampedScan = {
          ...result,
          data_quality: added.length
            ? { ...quality, status: "partial", issues: [...quality.issues, ...added] }
            : quality,
          scanned_at: scannedAt,
          // Identifies exactly this data, so analyses of it are memoised and its metering marked once.
          scan_id: hash([key, scannedAt, result.resources.length]),
        };
        // Partial scans are not cached: the next call should try the failed parts again.
        if (stamped.data_quality.status === "complete") {
          await ctx.cache.setShared(key, stamped, SCAN_TTL_S);
          ctx.scans.scans.set(clientId, key, stamped, expiry(stamped));
        }
        return { accountId: target.accountId, regions, result: stamped, fromCache: false };
      }),
    ),
  );
}
