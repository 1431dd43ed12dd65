// The scanning pipeline every scanning tool shares: targets → credentials → enabled regions →
// discovery (cached per client, account, scope and policy version) → quota → metering.
import { createHash } from "node:crypto";
import { type DataQuality, type DiscoveryResult, discoverResources, listEnabledRegions } from "@tagc/aws";
import type { Resource } from "@tagc/core";
import { checkResourceQuota, recordScanUsage } from "../../runtime";
import { billingPeriod } from "../../usage/quota";
import type { ToolCtx } from "../context";
import { credentialsFor, dropCredentials } from "./credentials";
import { resolveRegions } from "./scope";
import { type ScanTarget, scanTargets } from "./targets";

const REGIONS_TTL_S = 3600;
const SCAN_TTL_S = 300;

export interface ScanRequest {
  tool: string;
  resourceTypes: string[];
  regions?: string[] | undefined;
  accounts?: string[] | undefined;
  policyVersion: number;
  forceRefresh?: boolean | undefined;
}

export interface ScanIssue {
  scope: string;
  code: string;
  message: string;
  region?: string;
  resource_type?: string;
  account_id?: string;
}

export interface ScanOutcome {
  resources: Resource[];
  accounts: string[];
  regions: string[];
  scanned_at: string;
  from_cache: boolean;
  data_quality: {
    status: "complete" | "partial";
    issues: ScanIssue[];
    tagged_only_types: string[];
    note: string | null;
  };
  quota: {
    limit: number | null;
    used: number;
    remaining: number | null;
    over_quota: boolean;
    message: string | null;
  };
}

const hash = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 24);

async function enabledRegions(
  ctx: ToolCtx,
  target: ScanTarget,
  credentials: Awaited<ReturnType<typeof credentialsFor>>,
) {
  return ctx.cache.getOrCompute(`regions:${target.accountId}`, REGIONS_TTL_S, () =>
    listEnabledRegions({ config: ctx.deps.aws, credentials }),
  );
}

async function scanOne(ctx: ToolCtx, target: ScanTarget, request: ScanRequest) {
  let credentials = await credentialsFor(ctx, target);
  const regions = resolveRegions(request.regions, await enabledRegions(ctx, target, credentials));
  const key = `scan:${target.accountId}:p${request.policyVersion}:${hash([request.resourceTypes, regions])}`;
  const discover = (scanRegions: string[] = regions) =>
    discoverResources({
      config: ctx.deps.aws,
      credentials,
      accountId: target.accountId,
      resourceTypes: request.resourceTypes,
      regions: scanRegions,
      deadlineMs: ctx.deadlineMs,
      now: ctx.deps.now,
    });
  if (!request.forceRefresh) {
    const cached = await ctx.cache.getJson<DiscoveryResult & { scanned_at: string }>(key);
    // Freshness is judged on the services clock, which jobs and tests move; the store's TTL only bounds memory.
    const age = cached ? ctx.deps.now().getTime() - Date.parse(cached.scanned_at) : Number.POSITIVE_INFINITY;
    if (cached && age >= 0 && age < SCAN_TTL_S * 1000) return { regions, result: cached, fromCache: true };
  }
  const budgeted = await spendRegionBudget(ctx, target.accountId, regions);
  let result = await discover(budgeted.allowed);
  if (budgeted.refused.length) {
    result.data_quality.status = "partial";
    (result.data_quality.issues as ScanIssue[]).push(
      ...budgeted.refused.map((region) => ({
        scope: "region" as const,
        region,
        account_id: target.accountId,
        code: "RATE_LIMITED" as const,
        message:
          "Skipped to protect this account's AWS API quotas (too many scans of this region in the last minute). Retry in a minute.",
      })),
    );
  }
  // Every call denied and nothing found: the session may belong to a role the customer deleted.
  // Re-assuming tells a revoked role (AssumeRole refused → revoked) from a narrowed one (partial).
  if (
    !result.resources.length &&
    result.data_quality.issues.length &&
    result.data_quality.issues.every((i) => i.code === "ACCESS_DENIED")
  ) {
    dropCredentials(ctx, target);
    credentials = await credentialsFor(ctx, target);
    result = await discover();
  }
  const stamped = { ...result, scanned_at: ctx.deps.now().toISOString() };
  // Partial scans are not cached: the next call should try the failed regions again.
  if (result.data_quality.status === "complete") await ctx.cache.setJson(key, stamped, SCAN_TTL_S);
  return { regions, result: stamped, fromCache: false };
}

const METER_TTL_S = 3600;
type Quota = Awaited<ReturnType<typeof checkResourceQuota>>;

const meterKey = (ctx: ToolCtx, resources: Resource[]) =>
  `metered:${billingPeriod(ctx.deps.now())}:${hash(resources.map((r) => r.arn).sort())}`;

/** The tier quota, checked before results are used; over quota, only what it covers is kept. */
async function applyQuota(ctx: ToolCtx, all: Resource[]) {
  const known = await ctx.cache.getJson<Quota>(meterKey(ctx, all));
  if (known) return { quota: known, resources: all, alreadyMetered: true };
  const quota = await checkResourceQuota({
    db: ctx.deps.db,
    client: ctx.client,
    now: ctx.deps.now(),
    arns: all.map((r) => r.arn),
  });
  const allowed = new Set(quota.allowedArns);
  return {
    quota,
    resources: quota.overQuota ? all.filter((r) => allowed.has(r.arn)) : all,
    alreadyMetered: false,
  };
}

/** Cold scans spend one unit of the (client, account, region) budget per region. */
async function spendRegionBudget(ctx: ToolCtx, accountId: string, regions: string[]) {
  if (!ctx.limiters) return { allowed: regions, refused: [] as string[] };
  const verdicts = await Promise.all(
    regions.map(async (region) => ({
      region,
      ok: (await ctx.limiters!.awsRegion.consume(`aws:${ctx.client.id}:${accountId}:${region}`)).allowed,
    })),
  );
  return {
    allowed: verdicts.filter((v) => v.ok).map((v) => v.region),
    refused: verdicts.filter((v) => !v.ok).map((v) => v.region),
  };
}

function mergeQuality(parts: DataQuality[]): ScanOutcome["data_quality"] {
  const issues = parts.flatMap((p) => p.issues as ScanIssue[]);
  const taggedOnly = [...new Set(parts.flatMap((p) => p.tagged_only_types))].sort();
  const partial = issues.length > 0;
  return {
    status: partial ? "partial" : "complete",
    issues,
    tagged_only_types: taggedOnly,
    note: partial
      ? "Some regions, resource types or accounts could not be read (see issues). Do not present these numbers as account-wide totals; say which parts are missing."
      : null,
  };
}

export async function runScan(ctx: ToolCtx, request: ScanRequest): Promise<ScanOutcome> {
  const targets = await scanTargets(ctx, request.accounts);
  const results = await Promise.all(targets.map((target) => scanOne(ctx, target, request)));
  const all = results.flatMap((r) => r.result.resources);
  const quota = await checkResourceQuota({
    db: ctx.deps.db,
    client: ctx.client,
    now: ctx.deps.now(),
    arns: all.map((r) => r.arn),
  });
  const allowed = new Set(quota.allowedArns);
  const resources = quota.overQuota ? all.filter((r) => allowed.has(r.arn)) : all;
  const regions = [...new Set(results.flatMap((r) => r.regions))].sort();
  await recordScanUsage({
    db: ctx.deps.db,
    clientId: ctx.client.id,
    now: ctx.deps.now(),
    tool: request.tool,
    requestId: ctx.requestId,
    accountId: targets.map((t) => t.accountId).join(","),
    regions,
    arns: resources.map((r) => r.arn),
  });
  const quality = mergeQuality(results.map((r) => r.result.data_quality));
  if (quota.overQuota) {
    quality.status = "partial";
    quality.note = `${quota.message ?? "Monthly resource quota reached."} ${quality.note ?? ""}`.trim();
  }
  return {
    resources,
    accounts: targets.map((t) => t.accountId),
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
