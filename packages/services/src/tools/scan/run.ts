// The scanning pipeline every scanning tool shares: targets → credentials → enabled regions →
// discovery (cached per client, account, scope and policy version) → quota → metering.
import type { ToolCtx } from "../context";
import { mergeQuality } from "./quality";
import { meterScan } from "./quota";
import { scanAccount } from "./scan-account";
import { scanTargets } from "./targets";
import { hash, type ScanOutcome, type ScanRequest } from "./types";

export type { ScanIssue, ScanOutcome, ScanRequest } from "./types";

export async function runScan(ctx: ToolCtx, request: ScanRequest): Promise<ScanOutcome> {
  const targets = request.targets ?? (await scanTargets(ctx, request.accounts));
  const results = await Promise.all(targets.map((target) => scanAccount(ctx, target, request)));
  const accounts = targets.map((t) => t.accountId);
  const regions = [...new Set(results.flatMap((r) => r.regions))].sort();
  const scanId = hash(results.map((r) => r.result.scan_id));
  const { quota, resources } = await meterScan(ctx, {
    scanId,
    // One account (the usual case) hands its array over as is: no copy of thousands of resources.
    resources:
      results.length === 1 ? results[0]!.result.resources : results.flatMap((r) => r.result.resources),
    tool: request.tool,
    accounts,
    regions,
  });
  const quality = mergeQuality(results.map((r) => r.result.data_quality));
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
    scanned_at: results.map((r) => r.result.scanned_at).sort()[0] ?? ctx.deps.now().toISOString(),
    from_cache: results.every((r) => r.fromCache),
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
